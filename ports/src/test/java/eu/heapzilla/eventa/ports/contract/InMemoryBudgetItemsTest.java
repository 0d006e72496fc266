package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;

class InMemoryBudgetItemsTest extends BudgetItemsContract {

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
    protected BudgetItems budgetItems() {
        return adapters.budgetItems;
    }

    @Override
    protected Receipts receipts() {
        return adapters.receipts;
    }
}
