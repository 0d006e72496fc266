package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.GuardedWrites.insertIf;
import static eu.heapzilla.eventa.adapters.postgres.GuardedWrites.referencing;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.EVENTS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.GUESTS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.HOUSEHOLDS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.HouseholdsRecord;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.ports.out.Households;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;

final class PostgresHouseholds implements Households {

    private final JooqTransactions transactions;

    PostgresHouseholds(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Household household) {
        HouseholdDetails details = household.details();
        Revision revision = household.revision();
        HouseholdsRecord row = new HouseholdsRecord();
        row.setId(household.id().value());
        row.setEventId(household.event().value());
        row.setName(details.name());
        row.setAddress(details.address().orElse(null));
        row.setNotes(details.notes().orElse(null));
        row.setVersion(revision.version());
        row.setCreatedAt(toOffset(revision.createdAt()));
        row.setCreatedBy(revision.createdBy().value());
        row.setUpdatedAt(toOffset(revision.updatedAt()));
        row.setUpdatedBy(revision.updatedBy().value());
        boolean inserted = insertIf(transactions.dsl(), row,
                DSL.exists(DSL.selectOne().from(EVENTS).where(EVENTS.ID.eq(household.event().value()))));
        if (!inserted) {
            throw new IllegalStateException(exists(household.id())
                    ? "a household with id " + household.id() + " exists"
                    : "there is no event " + household.event());
        }
    }

    @Override
    public Optional<Household> byId(EventId event, HouseholdId id) {
        return transactions.dsl().selectFrom(HOUSEHOLDS)
                .where(HOUSEHOLDS.EVENT_ID.eq(event.value()), HOUSEHOLDS.ID.eq(id.value()))
                .fetchOptional()
                .map(PostgresHouseholds::toHousehold);
    }

    @Override
    public List<Household> ofEvent(EventId event) {
        return transactions.dsl().selectFrom(HOUSEHOLDS)
                .where(HOUSEHOLDS.EVENT_ID.eq(event.value()))
                .orderBy(HOUSEHOLDS.CREATED_AT, HOUSEHOLDS.ID)
                .fetch(PostgresHouseholds::toHousehold);
    }

    @Override
    public int count(EventId event) {
        return transactions.dsl().fetchCount(HOUSEHOLDS, HOUSEHOLDS.EVENT_ID.eq(event.value()));
    }

    @Override
    public void update(Household household) {
        HouseholdDetails details = household.details();
        Revision revision = household.revision();
        int updated = transactions.dsl().update(HOUSEHOLDS)
                .set(HOUSEHOLDS.NAME, details.name())
                .set(HOUSEHOLDS.ADDRESS, details.address().orElse(null))
                .set(HOUSEHOLDS.NOTES, details.notes().orElse(null))
                .set(HOUSEHOLDS.VERSION, revision.version())
                .set(HOUSEHOLDS.UPDATED_AT, toOffset(revision.updatedAt()))
                .set(HOUSEHOLDS.UPDATED_BY, revision.updatedBy().value())
                .where(HOUSEHOLDS.EVENT_ID.eq(household.event().value()), HOUSEHOLDS.ID.eq(household.id().value()))
                .execute();
        if (updated == 0) {
            throw new NotFound("household");
        }
    }

    @Override
    public boolean remove(EventId event, HouseholdId id) {
        int removed = referencing(() -> transactions.dsl().deleteFrom(HOUSEHOLDS)
                .where(HOUSEHOLDS.EVENT_ID.eq(event.value()), HOUSEHOLDS.ID.eq(id.value()))
                .andNotExists(DSL.selectOne().from(GUESTS)
                        .where(GUESTS.EVENT_ID.eq(event.value()), GUESTS.HOUSEHOLD_ID.eq(id.value())))
                .execute());
        if (removed == 0 && byId(event, id).isPresent()) {
            throw new IllegalStateException("household " + id + " still has guests");
        }
        return removed > 0;
    }

    private boolean exists(HouseholdId id) {
        return transactions.dsl().fetchExists(HOUSEHOLDS, HOUSEHOLDS.ID.eq(id.value()));
    }

    private static Household toHousehold(HouseholdsRecord r) {
        HouseholdDetails details = new HouseholdDetails(r.getName(), Optional.ofNullable(r.getAddress()),
                Optional.ofNullable(r.getNotes()));
        return new Household(new HouseholdId(r.getId()), new EventId(r.getEventId()), details,
                Revisions.revision(r.getVersion(), r.getCreatedAt(), r.getCreatedBy(), r.getUpdatedAt(),
                        r.getUpdatedBy()));
    }
}
