package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.TransactionsContract;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresTransactionsTest extends TransactionsContract {

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
    protected Transactions transactions() {
        return persistence.transactions();
    }

    @Override
    protected Users users() {
        return persistence.users();
    }
}
