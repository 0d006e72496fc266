package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.ReceiptsContract;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresReceiptsTest extends ReceiptsContract {

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

    @Override
    protected Events events() {
        return database.persistence().events();
    }

    @Override
    protected BudgetItems budgetItems() {
        return database.persistence().budgetItems();
    }

    @Override
    protected Receipts receipts() {
        return database.persistence().receipts();
    }
}
