package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.GuardedWrites.insertIf;
import static eu.heapzilla.eventa.adapters.postgres.GuardedWrites.referencing;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.GUESTS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.HOUSEHOLDS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.GuestsRecord;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.out.Guests;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

final class PostgresGuests implements Guests {

    private final JooqTransactions transactions;

    PostgresGuests(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Guest guest) {
        GuestDetails details = guest.details();
        Revision revision = guest.revision();
        GuestsRecord row = new GuestsRecord();
        row.setId(guest.id().value());
        row.setEventId(guest.event().value());
        row.setHouseholdId(details.household().value());
        row.setName(details.name());
        row.setEmail(details.email().map(Email::value).orElse(null));
        row.setPhone(details.phone().orElse(null));
        row.setRsvp(details.rsvp().wireName());
        row.setMealChoice(details.mealChoice().orElse(null));
        row.setDietaryNotes(details.dietaryNotes().orElse(null));
        row.setPlusOne(details.plusOne());
        row.setPlusOneName(details.plusOneName().orElse(null));
        row.setChild(details.child());
        row.setNotes(details.notes().orElse(null));
        row.setVersion(revision.version());
        row.setCreatedAt(toOffset(revision.createdAt()));
        row.setCreatedBy(revision.createdBy().value());
        row.setUpdatedAt(toOffset(revision.updatedAt()));
        row.setUpdatedBy(revision.updatedBy().value());
        if (!insertIf(transactions.dsl(), row, householdInEvent(guest))) {
            throw new IllegalStateException(
                    transactions.dsl().fetchExists(GUESTS, GUESTS.ID.eq(guest.id().value()))
                            ? "a guest with id " + guest.id() + " exists"
                            : "event " + guest.event() + " has no household " + guest.household());
        }
    }

    @Override
    public Optional<Guest> byId(EventId event, GuestId id) {
        return transactions.dsl().selectFrom(GUESTS)
                .where(GUESTS.EVENT_ID.eq(event.value()), GUESTS.ID.eq(id.value()))
                .fetchOptional()
                .map(PostgresGuests::toGuest);
    }

    @Override
    public List<Guest> ofEvent(EventId event) {
        return transactions.dsl().selectFrom(GUESTS)
                .where(GUESTS.EVENT_ID.eq(event.value()))
                .orderBy(GUESTS.CREATED_AT, GUESTS.ID)
                .fetch(PostgresGuests::toGuest);
    }

    @Override
    public List<Guest> ofHousehold(EventId event, HouseholdId household) {
        return transactions.dsl().selectFrom(GUESTS)
                .where(GUESTS.EVENT_ID.eq(event.value()), GUESTS.HOUSEHOLD_ID.eq(household.value()))
                .orderBy(GUESTS.CREATED_AT, GUESTS.ID)
                .fetch(PostgresGuests::toGuest);
    }

    @Override
    public int count(EventId event) {
        return transactions.dsl().fetchCount(GUESTS, GUESTS.EVENT_ID.eq(event.value()));
    }

    @Override
    public void update(Guest guest) {
        GuestDetails details = guest.details();
        Revision revision = guest.revision();
        int updated = referencing(() -> transactions.dsl().update(GUESTS)
                .set(GUESTS.HOUSEHOLD_ID, details.household().value())
                .set(GUESTS.NAME, details.name())
                .set(GUESTS.EMAIL, details.email().map(Email::value).orElse(null))
                .set(GUESTS.PHONE, details.phone().orElse(null))
                .set(GUESTS.RSVP, details.rsvp().wireName())
                .set(GUESTS.MEAL_CHOICE, details.mealChoice().orElse(null))
                .set(GUESTS.DIETARY_NOTES, details.dietaryNotes().orElse(null))
                .set(GUESTS.PLUS_ONE, details.plusOne())
                .set(GUESTS.PLUS_ONE_NAME, details.plusOneName().orElse(null))
                .set(GUESTS.CHILD, details.child())
                .set(GUESTS.NOTES, details.notes().orElse(null))
                .set(GUESTS.VERSION, revision.version())
                .set(GUESTS.UPDATED_AT, toOffset(revision.updatedAt()))
                .set(GUESTS.UPDATED_BY, revision.updatedBy().value())
                .where(GUESTS.EVENT_ID.eq(guest.event().value()), GUESTS.ID.eq(guest.id().value()))
                .and(householdInEvent(guest))
                .execute());
        if (updated == 0) {
            if (byId(guest.event(), guest.id()).isEmpty()) {
                throw new NotFound("guest");
            }
            throw new IllegalStateException("event " + guest.event() + " has no household " + guest.household());
        }
    }

    @Override
    public boolean remove(EventId event, GuestId id) {
        return transactions.dsl().deleteFrom(GUESTS)
                .where(GUESTS.EVENT_ID.eq(event.value()), GUESTS.ID.eq(id.value()))
                .execute() > 0;
    }

    private static Condition householdInEvent(Guest guest) {
        return DSL.exists(DSL.selectOne().from(HOUSEHOLDS)
                .where(HOUSEHOLDS.EVENT_ID.eq(guest.event().value()), HOUSEHOLDS.ID.eq(guest.household().value())));
    }

    private static Guest toGuest(GuestsRecord r) {
        GuestDetails details = new GuestDetails(new HouseholdId(r.getHouseholdId()), r.getName(),
                Optional.ofNullable(r.getEmail()).map(Email::new), Optional.ofNullable(r.getPhone()),
                Rsvp.valueOf(r.getRsvp().toUpperCase(Locale.ROOT)), Optional.ofNullable(r.getMealChoice()),
                Optional.ofNullable(r.getDietaryNotes()), r.getPlusOne(), Optional.ofNullable(r.getPlusOneName()),
                r.getChild(), Optional.ofNullable(r.getNotes()));
        return new Guest(new GuestId(r.getId()), new EventId(r.getEventId()), details,
                Revisions.revision(r.getVersion(), r.getCreatedAt(), r.getCreatedBy(), r.getUpdatedAt(),
                        r.getUpdatedBy()));
    }
}
