package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.UsersContract;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUsersTest extends UsersContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Users users() {
        return database.persistence().users();
    }
}
