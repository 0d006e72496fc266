package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.ports.out.Receipts;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link Receipts} (metadata only) in a map keyed by id. Like the database's foreign key, a
 * receipt belongs to a budget item of its own event, and goes when that item goes. Ties are
 * broken by the ids' canonical text, the order PostgreSQL gives UUIDs.
 */
public final class InMemoryReceipts extends InMemoryTable<ReceiptId, Receipt> implements Receipts {

    private static final Comparator<Receipt> EARLIEST_ADDED_FIRST = Comparator.comparing(Receipt::createdAt)
            .thenComparing(r -> r.id().value().toString());

    private final InMemoryBudgetItems items;

    public InMemoryReceipts(InMemoryTransactions transactions, InMemoryBudgetItems items) {
        super(transactions);
        this.items = items;
        items.cascadeTo((event, item) -> rows.values().removeIf(r -> r.event().equals(event) && r.budgetItem().equals(item)));
    }

    @Override
    public void add(Receipt receipt) {
        transactions.run(() -> {
            if (items.byId(receipt.event(), receipt.budgetItem()).isEmpty()) {
                throw new IllegalStateException("event " + receipt.event() + " has no budget item " + receipt.budgetItem());
            }
            insert(receipt.id(), receipt);
        });
    }

    @Override
    public Optional<Receipt> byId(EventId event, ReceiptId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)).filter(r -> r.event().equals(event)));
    }

    @Override
    public List<Receipt> ofItem(EventId event, BudgetItemId item) {
        return list(r -> r.event().equals(event) && r.budgetItem().equals(item));
    }

    @Override
    public List<Receipt> ofEvent(EventId event) {
        return list(r -> r.event().equals(event));
    }

    @Override
    public boolean remove(EventId event, ReceiptId id) {
        return transactions.inTransaction(() -> byId(event, id).map(r -> rows.remove(r.id()) != null).orElse(false));
    }

    private List<Receipt> list(Predicate<Receipt> which) {
        return transactions.inTransaction(() -> rows.values().stream().filter(which).sorted(EARLIEST_ADDED_FIRST).toList());
    }

    void removeEvent(EventId event) {
        rows.values().removeIf(receipt -> receipt.event().equals(event));
    }
}
