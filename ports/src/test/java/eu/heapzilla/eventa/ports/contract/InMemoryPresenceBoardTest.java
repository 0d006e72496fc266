package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryPresenceBoardTest extends PresenceBoardContract {

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
    protected Memberships memberships() {
        return adapters.memberships;
    }

    @Override
    protected PresenceBoard presenceBoard() {
        return adapters.presenceBoard;
    }
}
