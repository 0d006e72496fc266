package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.OUTBOX;

import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxCounts;
import eu.heapzilla.eventa.ports.out.OutboxEntry;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record6;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The {@link Outbox} in the {@code outbox} table. A claim is one statement: it locks the due
 * pending rows that no other transaction holds ({@code FOR UPDATE SKIP LOCKED}), so that workers
 * on any number of instances share the work without taking an item twice, and moves each one's
 * due time to the end of its lease. Verdicts are fenced by the attempt count they answer. A
 * mail's secret is erased when its item finishes; a note too long for its column is clipped,
 * since refusing a verdict over its note would leave the item to be tried again.
 */
final class PostgresOutbox implements Outbox {

    private static final String PENDING = wireName(OutboxState.PENDING);
    /** The note column's limit; a longer verdict is clipped rather than refused. */
    private static final int LONGEST_NOTE = 500;

    private final JooqTransactions transactions;

    PostgresOutbox(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long add(OutboxItem item, Instant now) {
        OutboxPayloads.Stored stored = OutboxPayloads.store(item);
        return transactions.dsl().insertInto(OUTBOX)
                .set(OUTBOX.KIND, stored.kind())
                .set(OUTBOX.PAYLOAD, stored.payload())
                .set(OUTBOX.SECRET, stored.secret())
                .set(OUTBOX.STATE, PENDING)
                .set(OUTBOX.ATTEMPTS, 0)
                .set(OUTBOX.DUE_AT, toOffset(now))
                .set(OUTBOX.CREATED_AT, toOffset(now))
                .returningResult(OUTBOX.ID)
                .fetchSingle(OUTBOX.ID);
    }

    @Override
    public List<OutboxEntry> claim(int max, Instant now, Duration lease) {
        if (max < 1) {
            return List.of();
        }
        var due = OUTBOX.as("due");
        CommonTableExpression<Record2<Long, OffsetDateTime>> claimed = DSL.name("claimed")
                .fields("id", "was_due")
                .as(DSL.select(due.ID, due.DUE_AT)
                        .from(due)
                        // The state inline, not bound: only then may a cached plan use the partial index.
                        .where(due.STATE.eq(DSL.inline(PENDING)), due.DUE_AT.le(toOffset(now)))
                        .orderBy(due.DUE_AT, due.ID)
                        .limit(max)
                        .forUpdate()
                        .skipLocked());
        Field<Long> claimedId = claimed.field("id", Long.class);
        Field<OffsetDateTime> wasDue = claimed.field("was_due", OffsetDateTime.class);
        return transactions.dsl().with(claimed)
                .update(OUTBOX)
                .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                .set(OUTBOX.DUE_AT, toOffset(now.plus(lease)))
                .from(claimed)
                .where(OUTBOX.ID.eq(claimedId))
                .returningResult(OUTBOX.ID, OUTBOX.ATTEMPTS, OUTBOX.KIND, OUTBOX.PAYLOAD, OUTBOX.SECRET,
                        OUTBOX.CREATED_AT, wasDue)
                .fetch()
                .stream()
                // Oldest due first, as they were chosen: RETURNING promises no order.
                .sorted(Comparator.comparing((Record r) -> r.get(wasDue)).thenComparing(r -> r.get(OUTBOX.ID)))
                .map(r -> new OutboxEntry(r.get(OUTBOX.ID), r.get(OUTBOX.ATTEMPTS),
                        OutboxPayloads.item(r.get(OUTBOX.KIND), r.get(OUTBOX.PAYLOAD), r.get(OUTBOX.SECRET)),
                        r.get(OUTBOX.CREATED_AT).toInstant()))
                .toList();
    }

    @Override
    public boolean finish(OutboxEntry entry, OutboxState state, Instant now, Optional<String> note) {
        if (state == OutboxState.PENDING) {
            throw new IllegalArgumentException("finish in a final state");
        }
        return transactions.dsl().update(OUTBOX)
                .set(OUTBOX.STATE, wireName(state))
                .set(OUTBOX.FINISHED_AT, toOffset(now))
                .set(OUTBOX.NOTE, note.map(PostgresOutbox::clip).orElse(null))
                .set(OUTBOX.SECRET, (String) null)
                .where(current(entry))
                .execute() == 1;
    }

    @Override
    public boolean retry(OutboxEntry entry, Instant due, String reason) {
        return transactions.dsl().update(OUTBOX)
                .set(OUTBOX.DUE_AT, toOffset(due))
                .set(OUTBOX.NOTE, clip(reason))
                .where(current(entry))
                .execute() == 1;
    }

    /**
     * One pass over the table whatever it holds: the delivered and dropped rows are counted too,
     * and housekeeping keeps them few. A pending row with a note has failed at least once: only
     * {@link #retry} notes a row that stays pending.
     */
    @Override
    public OutboxCounts counts() {
        Record6<Integer, Integer, Integer, Integer, Integer, OffsetDateTime> counts = transactions.dsl()
                .select(count(OutboxState.PENDING),
                        DSL.count().filterWhere(OUTBOX.STATE.eq(PENDING).and(OUTBOX.NOTE.isNotNull())),
                        count(OutboxState.DELIVERED), count(OutboxState.DROPPED), count(OutboxState.DEAD),
                        DSL.min(OUTBOX.CREATED_AT).filterWhere(OUTBOX.STATE.eq(PENDING)))
                .from(OUTBOX)
                .fetchSingle();
        return new OutboxCounts(counts.value1(), counts.value2(), counts.value3(), counts.value4(), counts.value5(),
                Timestamps.toInstant(counts.value6()));
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        return transactions.dsl().deleteFrom(OUTBOX)
                .where(OUTBOX.STATE.in(DSL.inline(wireName(OutboxState.DELIVERED)),
                                DSL.inline(wireName(OutboxState.DROPPED))),
                        OUTBOX.FINISHED_AT.lt(toOffset(cutoff)))
                .execute();
    }

    /** The entry's row, if the entry's claim is still its latest. */
    private static Condition current(OutboxEntry entry) {
        return OUTBOX.ID.eq(entry.id()).and(OUTBOX.STATE.eq(PENDING)).and(OUTBOX.ATTEMPTS.eq(entry.attempt()));
    }

    private static Field<Integer> count(OutboxState state) {
        return DSL.count().filterWhere(OUTBOX.STATE.eq(wireName(state)));
    }

    private static String wireName(OutboxState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** At most {@link #LONGEST_NOTE} characters (code points, as PostgreSQL counts them), without NULs. */
    private static String clip(String note) {
        String text = note.replace('\0', '\uFFFD');
        if (text.codePointCount(0, text.length()) <= LONGEST_NOTE) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, LONGEST_NOTE - 1)) + "…";
    }
}
