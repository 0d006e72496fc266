package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.ports.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises transactions with one lock and undoes a failed one by restoring every enrolled
 * store's snapshot. Nested calls join the outer transaction, as the contract says.
 */
public final class InMemoryTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<InMemoryStore> stores = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    void enrol(InMemoryStore store) {
        stores.add(store);
    }

    /** Whether the calling thread is inside a transaction. */
    public boolean active() {
        return lock.isHeldByCurrentThread();
    }

    /** Runs {@code action} once the current transaction commits (never if it rolls back); at once outside one. */
    public void afterCommit(Runnable action) {
        if (active()) {
            afterCommit.add(action);
        } else {
            action.run();
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (active()) {
            return work.get();
        }
        T result;
        List<Runnable> committed;
        lock.lock();
        try {
            List<Object> snapshots = new ArrayList<>(stores.size());
            for (InMemoryStore store : stores) {
                snapshots.add(store.snapshot());
            }
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                for (int i = 0; i < snapshots.size(); i++) {
                    stores.get(i).restore(snapshots.get(i));
                }
                throw e;
            }
            committed = List.copyOf(afterCommit);
        } finally {
            afterCommit.clear();
            lock.unlock();
        }
        committed.forEach(Runnable::run);
        return result;
    }
}
