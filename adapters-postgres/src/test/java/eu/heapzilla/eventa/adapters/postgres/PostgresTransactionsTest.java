package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.TransactionsContract;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTransactionsTest extends TransactionsContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected Users users() {
        return database.persistence().users();
    }
}
