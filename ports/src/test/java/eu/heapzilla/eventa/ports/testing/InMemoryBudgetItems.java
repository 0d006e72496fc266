package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@link BudgetItems} in a map keyed by id. Like the database it refuses an item of an unknown
 * event, and removing an item removes what refers to it (its receipts' metadata), as the
 * schema's cascade does. Ties are broken by the ids' canonical text, the order PostgreSQL gives UUIDs.
 */
public final class InMemoryBudgetItems extends InMemoryTable<BudgetItemId, BudgetItem> implements BudgetItems {

    private final InMemoryEvents events;
    private final List<BiConsumer<EventId, BudgetItemId>> cascades = new ArrayList<>();

    public InMemoryBudgetItems(InMemoryTransactions transactions, InMemoryEvents events) {
        super(transactions);
        this.events = events;
    }

    /** Runs {@code removal} for every removed item, inside the removing transaction. */
    void cascadeTo(BiConsumer<EventId, BudgetItemId> removal) {
        cascades.add(removal);
    }

    @Override
    public void add(BudgetItem item) {
        transactions.run(() -> {
            if (events.byId(item.event()).isEmpty()) {
                throw new IllegalStateException("there is no event " + item.event());
            }
            insert(item.id(), item);
        });
    }

    @Override
    public Optional<BudgetItem> byId(EventId event, BudgetItemId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)).filter(i -> i.event().equals(event)));
    }

    @Override
    public List<BudgetItem> ofEvent(EventId event) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(i -> i.event().equals(event))
                .sorted(Comparator.comparing((BudgetItem i) -> i.revision().createdAt())
                        .thenComparing(i -> i.id().value().toString()))
                .toList());
    }

    @Override
    public int count(EventId event) {
        return transactions.inTransaction(() -> (int) rows.values().stream().filter(i -> i.event().equals(event)).count());
    }

    @Override
    public void update(BudgetItem item) {
        transactions.run(() -> {
            BudgetItem stored = byId(item.event(), item.id()).orElseThrow(() -> new NotFound("budget_item"));
            Revision revision = item.revision();
            rows.put(stored.id(), new BudgetItem(stored.id(), stored.event(), item.details(),
                    new Revision(revision.version(), stored.revision().createdAt(), stored.revision().createdBy(),
                            revision.updatedAt(), revision.updatedBy())));
        });
    }

    @Override
    public boolean remove(EventId event, BudgetItemId id) {
        return transactions.inTransaction(() -> {
            if (byId(event, id).isEmpty()) {
                return false;
            }
            rows.remove(id);
            cascades.forEach(cascade -> cascade.accept(event, id));
            return true;
        });
    }

    void removeEvent(EventId event) {
        rows.values().removeIf(item -> item.event().equals(event));
    }
}
