package eu.heapzilla.eventa.ports.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows of one in-memory store, keyed and in insertion order, taking part in
 * {@link InMemoryTransactions}: a failed transaction puts the rows back as they were.
 */
abstract class InMemoryTable<K, V> implements InMemoryStore {

    protected final InMemoryTransactions transactions;
    protected Map<K, V> rows = new LinkedHashMap<>();

    InMemoryTable(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enrol(this);
    }

    /** Adds a row as a primary key would: a second row with the same key is refused. */
    protected void insert(K key, V row) {
        transactions.run(() -> {
            if (rows.putIfAbsent(key, row) != null) {
                throw new IllegalStateException("a row with key " + key + " exists");
            }
        });
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<K, V>) snapshot);
    }
}
