package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.GuardedWrites.insertIf;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.BUDGET_ITEMS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.EVENTS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.BudgetItemsRecord;
import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.impl.DSL;

/** Budget items; removing one removes its receipts' metadata by the schema's cascade. */
final class PostgresBudgetItems implements BudgetItems {

    private final JooqTransactions transactions;

    PostgresBudgetItems(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(BudgetItem item) {
        BudgetItemDetails details = item.details();
        Revision revision = item.revision();
        BudgetItemsRecord row = new BudgetItemsRecord();
        row.setId(item.id().value());
        row.setEventId(item.event().value());
        row.setCategory(details.category());
        row.setTitle(details.title());
        row.setVendor(details.vendor().orElse(null));
        row.setEstimatedCents(details.estimatedCents());
        row.setActualCents(cents(details.actualCents()));
        row.setPaidCents(details.paidCents());
        row.setDueOn(details.dueOn().orElse(null));
        row.setNotes(details.notes().orElse(null));
        row.setVersion(revision.version());
        row.setCreatedAt(toOffset(revision.createdAt()));
        row.setCreatedBy(revision.createdBy().value());
        row.setUpdatedAt(toOffset(revision.updatedAt()));
        row.setUpdatedBy(revision.updatedBy().value());
        boolean inserted = insertIf(transactions.dsl(), row,
                DSL.exists(DSL.selectOne().from(EVENTS).where(EVENTS.ID.eq(item.event().value()))));
        if (!inserted) {
            throw new IllegalStateException(transactions.dsl().fetchExists(BUDGET_ITEMS, BUDGET_ITEMS.ID.eq(item.id().value()))
                    ? "a budget item with id " + item.id() + " exists"
                    : "there is no event " + item.event());
        }
    }

    @Override
    public Optional<BudgetItem> byId(EventId event, BudgetItemId id) {
        return transactions.dsl().selectFrom(BUDGET_ITEMS)
                .where(BUDGET_ITEMS.EVENT_ID.eq(event.value()), BUDGET_ITEMS.ID.eq(id.value()))
                .fetchOptional()
                .map(PostgresBudgetItems::toItem);
    }

    @Override
    public List<BudgetItem> ofEvent(EventId event) {
        return transactions.dsl().selectFrom(BUDGET_ITEMS)
                .where(BUDGET_ITEMS.EVENT_ID.eq(event.value()))
                .orderBy(BUDGET_ITEMS.CREATED_AT, BUDGET_ITEMS.ID)
                .fetch(PostgresBudgetItems::toItem);
    }

    @Override
    public int count(EventId event) {
        return transactions.dsl().fetchCount(BUDGET_ITEMS, BUDGET_ITEMS.EVENT_ID.eq(event.value()));
    }

    @Override
    public void update(BudgetItem item) {
        BudgetItemDetails details = item.details();
        Revision revision = item.revision();
        int updated = transactions.dsl().update(BUDGET_ITEMS)
                .set(BUDGET_ITEMS.CATEGORY, details.category())
                .set(BUDGET_ITEMS.TITLE, details.title())
                .set(BUDGET_ITEMS.VENDOR, details.vendor().orElse(null))
                .set(BUDGET_ITEMS.ESTIMATED_CENTS, details.estimatedCents())
                .set(BUDGET_ITEMS.ACTUAL_CENTS, cents(details.actualCents()))
                .set(BUDGET_ITEMS.PAID_CENTS, details.paidCents())
                .set(BUDGET_ITEMS.DUE_ON, details.dueOn().orElse(null))
                .set(BUDGET_ITEMS.NOTES, details.notes().orElse(null))
                .set(BUDGET_ITEMS.VERSION, revision.version())
                .set(BUDGET_ITEMS.UPDATED_AT, toOffset(revision.updatedAt()))
                .set(BUDGET_ITEMS.UPDATED_BY, revision.updatedBy().value())
                .where(BUDGET_ITEMS.EVENT_ID.eq(item.event().value()), BUDGET_ITEMS.ID.eq(item.id().value()))
                .execute();
        if (updated == 0) {
            throw new NotFound("budget_item");
        }
    }

    @Override
    public boolean remove(EventId event, BudgetItemId id) {
        return transactions.dsl().deleteFrom(BUDGET_ITEMS)
                .where(BUDGET_ITEMS.EVENT_ID.eq(event.value()), BUDGET_ITEMS.ID.eq(id.value()))
                .execute() > 0;
    }

    private static Long cents(OptionalLong cents) {
        return cents.isPresent() ? cents.getAsLong() : null;
    }

    private static BudgetItem toItem(BudgetItemsRecord r) {
        Long actual = r.getActualCents();
        BudgetItemDetails details = new BudgetItemDetails(r.getCategory(), r.getTitle(),
                Optional.ofNullable(r.getVendor()), r.getEstimatedCents(),
                actual == null ? OptionalLong.empty() : OptionalLong.of(actual), r.getPaidCents(),
                Optional.ofNullable(r.getDueOn()), Optional.ofNullable(r.getNotes()));
        return new BudgetItem(new BudgetItemId(r.getId()), new EventId(r.getEventId()), details,
                Revisions.revision(r.getVersion(), r.getCreatedAt(), r.getCreatedBy(), r.getUpdatedAt(),
                        r.getUpdatedBy()));
    }
}
