package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.BearerTokensContract;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresBearerTokensTest extends BearerTokensContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Users users() {
        return database.persistence().users();
    }

    @Override
    protected BearerTokens bearerTokens() {
        return database.persistence().bearerTokens();
    }
}
