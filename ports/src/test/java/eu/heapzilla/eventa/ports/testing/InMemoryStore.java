package eu.heapzilla.eventa.ports.testing;

/** A store whose state {@link InMemoryTransactions} can put back when a transaction fails. */
interface InMemoryStore {

    Object snapshot();

    void restore(Object snapshot);
}
