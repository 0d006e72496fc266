package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.event.EventId;
import java.util.List;
import java.util.Optional;

/**
 * The metadata of receipts; their bytes are in the {@link BlobStore} under the receipt's id.
 * A receipt is found only through its own event.
 */
public interface Receipts {

    /** @throws IllegalStateException when a receipt with that id exists */
    void add(Receipt receipt);

    /** The receipt, when it belongs to {@code event}. */
    Optional<Receipt> byId(EventId event, ReceiptId id);

    /** The receipts of one budget item, earliest added first (ties by id). */
    List<Receipt> ofItem(EventId event, BudgetItemId item);

    /** Every receipt of the event, earliest added first (ties by id). */
    List<Receipt> ofEvent(EventId event);

    /** Removes the receipt's metadata; returns whether there was one. */
    boolean remove(EventId event, ReceiptId id);
}
