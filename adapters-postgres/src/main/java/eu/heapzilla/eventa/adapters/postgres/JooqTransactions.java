package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.out.Transactions;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * One JDBC transaction per outermost call, bound to the calling thread so that every store
 * used inside the work writes through it; nested calls join it.
 */
final class JooqTransactions implements Transactions {

    private final DSLContext root;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    JooqTransactions(DSLContext root) {
        this.root = root;
    }

    /** The transaction open on this thread, or an auto-committing context when there is none. */
    DSLContext dsl() {
        DSLContext bound = current.get();
        return bound != null ? bound : root;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return root.transactionResult(configuration -> {
            current.set(configuration.dsl());
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }
}
