package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.UsersContract;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresUsersTest extends UsersContract {

    private static PostgresPersistence persistence;

    @BeforeAll
    static void database() {
        persistence = TestDatabase.freshPersistence();
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    @Override
    protected Users users() {
        return persistence.users();
    }
}
