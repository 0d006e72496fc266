package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.BudgetSummary;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.budget.ReceiptName;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Action;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.TrackBudget;
import eu.heapzilla.eventa.ports.out.BlobStore;
import eu.heapzilla.eventa.ports.out.BlobStore.BlobId;
import eu.heapzilla.eventa.ports.out.BlobStore.StoredBlob;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

final class BudgetTracking implements TrackBudget {

    private final Transactions transactions;
    private final Events events;
    private final BudgetItems budgetItems;
    private final Receipts receipts;
    private final BlobStore blobStore;
    private final EventReads reads;
    private final EventWrites writes;

    BudgetTracking(Transactions transactions, Events events, BudgetItems budgetItems, Receipts receipts,
                   BlobStore blobStore, EventReads reads, EventWrites writes) {
        this.transactions = transactions;
        this.events = events;
        this.budgetItems = budgetItems;
        this.receipts = receipts;
        this.blobStore = blobStore;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public List<BudgetLine> items(UserId viewer, EventId event) {
        return reads.asMember(viewer, event, () -> {
            Currency currency = currency(event);
            Map<BudgetItemId, List<Receipt>> byItem = receipts.ofEvent(event).stream()
                    .collect(Collectors.groupingBy(Receipt::budgetItem));
            return budgetItems.ofEvent(event).stream()
                    .map(item -> new BudgetLine(item, currency, byItem.getOrDefault(item.id(), List.of())))
                    .toList();
        });
    }

    @Override
    public BudgetLine item(UserId viewer, EventId event, BudgetItemId item) {
        return reads.asMember(viewer, event, () -> line(existing(event, item)));
    }

    @Override
    public BudgetLine addItem(UserId editor, EventId event, BudgetItemDetails details) {
        return writes.write(editor, event, Action.WRITE, write -> {
            if (budgetItems.count(event) >= BudgetItem.MAX_PER_EVENT) {
                throw Conflict.limitReached("budget items", BudgetItem.MAX_PER_EVENT);
            }
            BudgetItem added = BudgetItem.create(BudgetItemId.random(), event, details, editor, write.now());
            budgetItems.add(added);
            write.changed(EntityType.BUDGET_ITEM, added.id().toString(), ChangeOp.CREATED, added.version());
            return new BudgetLine(added, write.event().brief().currency(), List.of());
        });
    }

    @Override
    public BudgetLine editItem(UserId editor, EventId event, BudgetItemId item, long basedOn,
                               BudgetItemDetails.Edit edit) {
        return writes.write(editor, event, Action.WRITE, write -> {
            BudgetItem before = existing(event, item);
            BudgetItem after = before.edited(basedOn, edit, editor, write.now());
            if (after != before) {
                budgetItems.update(after);
                write.changed(EntityType.BUDGET_ITEM, item.toString(), ChangeOp.UPDATED, after.version());
            }
            return line(after);
        });
    }

    @Override
    public void deleteItem(UserId editor, EventId event, BudgetItemId item, long basedOn) {
        writes.write(editor, event, Action.WRITE, write -> {
            BudgetItem doomed = existing(event, item);
            doomed.requireVersion(basedOn);
            for (Receipt receipt : receipts.ofItem(event, item)) {
                blobStore.delete(blobOf(receipt.id()));
                write.changed(EntityType.RECEIPT, receipt.id().toString(), ChangeOp.DELETED, Receipt.VERSION + 1);
            }
            budgetItems.remove(event, item);
            write.changed(EntityType.BUDGET_ITEM, item.toString(), ChangeOp.DELETED, doomed.version() + 1);
            return null;
        });
    }

    @Override
    public BudgetSummary summary(UserId viewer, EventId event) {
        return reads.asMember(viewer, event, () -> {
            Event planned = events.byId(event).orElseThrow(() -> new NotFound("event"));
            List<BudgetItemDetails> items = budgetItems.ofEvent(event).stream().map(BudgetItem::details).toList();
            return BudgetSummary.of(items, planned.brief().currency(), planned.brief().plannedBudgetCents());
        });
    }

    @Override
    public void checkMayAttach(UserId editor, EventId event, BudgetItemId item) {
        transactions.inTransaction(() -> {
            reads.require(editor, event, Action.WRITE);
            return existing(event, item);
        });
    }

    @Override
    public List<Receipt> attachReceipts(UserId editor, EventId event, BudgetItemId item, List<Upload> uploads) {
        if (uploads.isEmpty()) {
            throw new InvalidValue("files", "send at least one file");
        }
        return writes.write(editor, event, Action.WRITE, write -> {
            existing(event, item);
            int kept = receipts.ofItem(event, item).size();
            if (kept + uploads.size() > Receipt.MAX_PER_ITEM) {
                throw new Conflict("limit_reached", "a budget item can have at most " + Receipt.MAX_PER_ITEM
                        + " receipts; it has " + kept, Map.of("limit", Receipt.MAX_PER_ITEM));
            }
            List<Receipt> added = new ArrayList<>();
            for (Upload upload : uploads) {
                ReceiptId id = ReceiptId.random();
                StoredBlob stored = store(blobOf(id), upload);
                Receipt receipt = new Receipt(id, event, item, ReceiptName.of(upload.fileName(), upload.type()),
                        upload.type(), stored.sizeBytes(), stored.sha256(), write.now(), editor);
                receipts.add(receipt);
                write.changed(EntityType.RECEIPT, id.toString(), ChangeOp.CREATED, Receipt.VERSION);
                added.add(receipt);
            }
            return List.copyOf(added);
        });
    }

    @Override
    public ReceiptFile receipt(UserId viewer, EventId event, ReceiptId receipt) {
        Receipt found = reads.asMember(viewer, event, () -> receipts.byId(event, receipt).orElseThrow(() -> new NotFound("receipt")));
        return new ReceiptFile(found, out -> {
            if (!blobStore.copyTo(blobOf(receipt), out)) {
                throw new IllegalStateException("the bytes of receipt " + receipt + " are missing");
            }
        });
    }

    @Override
    public void deleteReceipt(UserId editor, EventId event, ReceiptId receipt) {
        writes.write(editor, event, Action.WRITE, write -> {
            receipts.byId(event, receipt).orElseThrow(() -> new NotFound("receipt"));
            receipts.remove(event, receipt);
            blobStore.delete(blobOf(receipt));
            write.changed(EntityType.RECEIPT, receipt.toString(), ChangeOp.DELETED, Receipt.VERSION + 1);
            return null;
        });
    }

    /** A receipt's bytes are kept under the receipt's own id. */
    static BlobId blobOf(ReceiptId receipt) {
        return new BlobId(receipt.value());
    }

    private StoredBlob store(BlobId blob, Upload upload) {
        StoredBlob stored;
        try {
            stored = blobStore.put(blob, upload.content());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an uploaded receipt", e);
        }
        if (stored.sizeBytes() == 0) {
            throw new InvalidValue("files", "an uploaded file is empty");
        }
        return stored;
    }

    private BudgetLine line(BudgetItem item) {
        return new BudgetLine(item, currency(item.event()), receipts.ofItem(item.event(), item.id()));
    }

    private Currency currency(EventId event) {
        return events.byId(event).orElseThrow(() -> new NotFound("event")).brief().currency();
    }

    private BudgetItem existing(EventId event, BudgetItemId item) {
        return budgetItems.byId(event, item).orElseThrow(() -> new NotFound("budget_item"));
    }
}
