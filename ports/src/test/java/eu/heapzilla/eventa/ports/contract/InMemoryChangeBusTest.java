package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryChangeBusTest extends ChangeBusContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Transactions transactions() {
        return adapters.transactions;
    }

    @Override
    protected ChangeBus changeBus() {
        return adapters.changeBus;
    }
}
