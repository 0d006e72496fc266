package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Invites;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryInvitesTest extends InvitesContract {

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
    protected Invites invites() {
        return adapters.invites;
    }
}
