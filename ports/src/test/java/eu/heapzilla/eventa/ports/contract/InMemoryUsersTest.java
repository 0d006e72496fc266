package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.Users;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryUsersTest extends UsersContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Users users() {
        return adapters.users;
    }
}
