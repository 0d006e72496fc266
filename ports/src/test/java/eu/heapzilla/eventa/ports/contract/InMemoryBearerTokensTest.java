package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.Users;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryBearerTokensTest extends BearerTokensContract {

    private final InMemoryAdapters adapters = new InMemoryAdapters();

    @Override
    protected Users users() {
        return adapters.users;
    }

    @Override
    protected BearerTokens bearerTokens() {
        return adapters.bearerTokens;
    }
}
