package eu.heapzilla.eventa.ports.out;

import java.util.function.Supplier;

/**
 * All-or-nothing units of work over every store the core uses.
 *
 * <p>Contract: the work's writes become visible together when it returns; when it throws,
 * none of them happened and the same exception reaches the caller. A call made while a
 * transaction is already open on this thread joins it (no savepoint): the outermost call
 * decides.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
