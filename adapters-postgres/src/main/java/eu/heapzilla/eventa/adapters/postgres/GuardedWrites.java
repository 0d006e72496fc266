package eu.heapzilla.eventa.adapters.postgres;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Writes that the schema would refuse, refused without failing a statement: a failed statement
 * aborts the whole PostgreSQL transaction, while a refused insert or update must leave the
 * caller's transaction usable (as the in-memory stores do). The stores check a reference in the
 * statement itself ({@code INSERT … SELECT … WHERE EXISTS}, {@code UPDATE … WHERE EXISTS}) and
 * find out afterwards why nothing was written. A reference that disappears between the check and
 * the constraint (a concurrent delete) still fails the statement; that is translated into the
 * same {@link IllegalStateException}.
 */
final class GuardedWrites {

    /** SQLSTATE {@code foreign_key_violation}. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private GuardedWrites() {
    }

    /**
     * Inserts the values set on {@code record} when {@code condition} holds and no row with the
     * same key exists ({@code ON CONFLICT DO NOTHING}); returns whether a row was inserted.
     */
    static <R extends TableRecord<R>> boolean insertIf(DSLContext dsl, R record, Condition condition) {
        List<Field<?>> columns = Arrays.stream(record.fields()).filter(record::changed).toList();
        List<Field<?>> values = columns.stream().<Field<?>>map(column -> DSL.val(record.get(column), column)).toList();
        return referencing(() -> dsl.insertInto(record.getTable())
                .columns(columns)
                .select(DSL.select(values).where(condition))
                .onConflictDoNothing()
                .execute()) > 0;
    }

    /**
     * Runs a write that may break a foreign key; a broken one is an {@link IllegalStateException},
     * as the in-memory stores report it.
     */
    static <T> T referencing(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
                throw new IllegalStateException("refused by a reference: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
