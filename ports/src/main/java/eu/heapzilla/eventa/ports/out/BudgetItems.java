package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.event.EventId;
import java.util.List;
import java.util.Optional;

/** Each event's budget lines. An item is found only through its own event. */
public interface BudgetItems {

    /** @throws IllegalStateException when an item with that id exists */
    void add(BudgetItem item);

    /** The item, when it belongs to {@code event}. */
    Optional<BudgetItem> byId(EventId event, BudgetItemId id);

    /** The event's budget items, earliest created first (ties by id). */
    List<BudgetItem> ofEvent(EventId event);

    int count(EventId event);

    /**
     * Stores the details and revision of an existing item.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when it does not exist in its event
     */
    void update(BudgetItem item);

    /** Removes the item and the metadata of its receipts (not their bytes); returns whether there was one. */
    boolean remove(EventId event, BudgetItemId id);
}
