package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.PushWindows;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryPushWindowsTest extends PushWindowsContract {

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
    protected Events events() {
        return adapters.events;
    }

    @Override
    protected PushWindows pushWindows() {
        return adapters.pushWindows;
    }
}
