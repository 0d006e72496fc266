package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryOutboxTest extends OutboxContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Transactions transactions() {
        return adapters.transactions;
    }

    @Override
    protected Outbox outbox() {
        return adapters.outbox;
    }

    @Override
    protected void empty() {
        // Every test has adapters of its own.
    }
}
