package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.PushDevices;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryPushDevicesTest extends PushDevicesContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Transactions transactions() {
        return adapters.transactions;
    }

    @Override
    protected Users users() {
        return adapters.users;
    }

    @Override
    protected BearerTokens bearerTokens() {
        return adapters.bearerTokens;
    }

    @Override
    protected PushDevices pushDevices() {
        return adapters.pushDevices;
    }
}
