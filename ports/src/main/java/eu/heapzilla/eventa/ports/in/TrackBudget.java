package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.BudgetSummary;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The members of an event track its budget: items with estimated, actual and paid amounts
 * (integer minor units of the event's currency), their receipts, and the totals. Every member
 * reads; editors and owners write. Versions, not-found and permissions work as in
 * {@link ManageGuests}.
 */
public interface TrackBudget {

    List<BudgetLine> items(UserId viewer, EventId event);

    BudgetLine item(UserId viewer, EventId event, BudgetItemId item);

    /** @throws eu.heapzilla.eventa.domain.error.Conflict {@code limit_reached} at {@link BudgetItem#MAX_PER_EVENT} */
    BudgetLine addItem(UserId editor, EventId event, BudgetItemDetails details);

    BudgetLine editItem(UserId editor, EventId event, BudgetItemId item, long basedOn, BudgetItemDetails.Edit edit);

    /** Deletes the item with its receipts, bytes and all. */
    void deleteItem(UserId editor, EventId event, BudgetItemId item, long basedOn);

    /** The budget added up, per category and overall, against the event's planned budget. */
    BudgetSummary summary(UserId viewer, EventId event);

    /**
     * Checks, before an upload is even read, that {@code editor} may attach receipts to the item,
     * so that nobody else makes the server receive files. {@link #attachReceipts} checks again.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when the item (or the event, for a non-member) does not exist
     * @throws eu.heapzilla.eventa.domain.error.Forbidden when their role does not allow writing
     */
    void checkMayAttach(UserId editor, EventId event, BudgetItemId item);

    /**
     * Keeps {@code uploads} as receipts of the item: all of them or, when one fails, none.
     * Their types were decided from their bytes by the caller; their size is limited by it.
     *
     * @throws eu.heapzilla.eventa.domain.error.Conflict {@code limit_reached} beyond {@link Receipt#MAX_PER_ITEM}
     */
    List<Receipt> attachReceipts(UserId editor, EventId event, BudgetItemId item, List<Upload> uploads);

    /** A receipt and its bytes, to be written out once. */
    ReceiptFile receipt(UserId viewer, EventId event, ReceiptId receipt);

    /** Deletes the receipt, its bytes too. */
    void deleteReceipt(UserId editor, EventId event, ReceiptId receipt);

    /** A budget item with the currency its amounts are in (the event's) and its receipts. */
    record BudgetLine(BudgetItem item, Currency currency, List<Receipt> receipts) {

        public BudgetLine {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(currency, "currency");
            receipts = List.copyOf(receipts);
        }
    }

    /** One uploaded file: the name the uploader gave it, its type as detected from its bytes, the bytes. */
    record Upload(String fileName, ReceiptType type, InputStream content) {

        public Upload {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(content, "content");
        }
    }

    /** A receipt's metadata and the way to its bytes. */
    record ReceiptFile(Receipt receipt, Content content) {

        public ReceiptFile {
            Objects.requireNonNull(receipt, "receipt");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Bytes written out on demand. */
    @FunctionalInterface
    interface Content {

        void writeTo(OutputStream out) throws IOException;
    }
}
