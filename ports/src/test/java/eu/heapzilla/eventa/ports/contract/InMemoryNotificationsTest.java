package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Notifications;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryNotificationsTest extends NotificationsContract {

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
    protected Notifications notifications() {
        return adapters.notifications;
    }
}
