package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryMagicLinksTest extends MagicLinksContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Transactions transactions() {
        return adapters.transactions;
    }

    @Override
    protected MagicLinks magicLinks() {
        return adapters.magicLinks;
    }
}
