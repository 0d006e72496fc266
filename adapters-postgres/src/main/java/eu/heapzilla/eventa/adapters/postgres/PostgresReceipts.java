package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.GuardedWrites.insertIf;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.BUDGET_ITEMS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.RECEIPTS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.ReceiptsRecord;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.budget.ReceiptName;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Receipts;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;

final class PostgresReceipts implements Receipts {

    private final JooqTransactions transactions;

    PostgresReceipts(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Receipt receipt) {
        ReceiptsRecord row = new ReceiptsRecord();
        row.setId(receipt.id().value());
        row.setEventId(receipt.event().value());
        row.setBudgetItemId(receipt.budgetItem().value());
        row.setFileName(receipt.fileName().value());
        row.setMediaType(receipt.type().mediaType());
        row.setSizeBytes(receipt.sizeBytes());
        row.setSha256(receipt.sha256());
        row.setCreatedAt(toOffset(receipt.createdAt()));
        row.setCreatedBy(receipt.createdBy().value());
        boolean inserted = insertIf(transactions.dsl(), row, DSL.exists(DSL.selectOne().from(BUDGET_ITEMS)
                .where(BUDGET_ITEMS.EVENT_ID.eq(receipt.event().value()),
                        BUDGET_ITEMS.ID.eq(receipt.budgetItem().value()))));
        if (!inserted) {
            throw new IllegalStateException(transactions.dsl().fetchExists(RECEIPTS, RECEIPTS.ID.eq(receipt.id().value()))
                    ? "a receipt with id " + receipt.id() + " exists"
                    : "event " + receipt.event() + " has no budget item " + receipt.budgetItem());
        }
    }

    @Override
    public Optional<Receipt> byId(EventId event, ReceiptId id) {
        return transactions.dsl().selectFrom(RECEIPTS)
                .where(RECEIPTS.EVENT_ID.eq(event.value()), RECEIPTS.ID.eq(id.value()))
                .fetchOptional()
                .map(PostgresReceipts::toReceipt);
    }

    @Override
    public List<Receipt> ofItem(EventId event, BudgetItemId item) {
        return transactions.dsl().selectFrom(RECEIPTS)
                .where(RECEIPTS.EVENT_ID.eq(event.value()), RECEIPTS.BUDGET_ITEM_ID.eq(item.value()))
                .orderBy(RECEIPTS.CREATED_AT, RECEIPTS.ID)
                .fetch(PostgresReceipts::toReceipt);
    }

    @Override
    public List<Receipt> ofEvent(EventId event) {
        return transactions.dsl().selectFrom(RECEIPTS)
                .where(RECEIPTS.EVENT_ID.eq(event.value()))
                .orderBy(RECEIPTS.CREATED_AT, RECEIPTS.ID)
                .fetch(PostgresReceipts::toReceipt);
    }

    @Override
    public boolean remove(EventId event, ReceiptId id) {
        return transactions.dsl().deleteFrom(RECEIPTS)
                .where(RECEIPTS.EVENT_ID.eq(event.value()), RECEIPTS.ID.eq(id.value()))
                .execute() > 0;
    }

    private static Receipt toReceipt(ReceiptsRecord r) {
        return new Receipt(new ReceiptId(r.getId()), new EventId(r.getEventId()), new BudgetItemId(r.getBudgetItemId()),
                new ReceiptName(r.getFileName()), ReceiptType.ofMediaType(r.getMediaType()), r.getSizeBytes(),
                r.getSha256(), r.getCreatedAt().toInstant(), new UserId(r.getCreatedBy()));
    }
}
