package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.firstRevision;
import static eu.heapzilla.eventa.ports.contract.Fixtures.fullGuestDetails;
import static eu.heapzilla.eventa.ports.contract.Fixtures.laterRevision;
import static eu.heapzilla.eventa.ports.contract.Fixtures.longestLine;
import static eu.heapzilla.eventa.ports.contract.Fixtures.longestText;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uuidStartingWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Guests;
import eu.heapzilla.eventa.ports.out.Households;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Guests} implementation must do, together with the {@link Households} it
 * refers to: a guest's household is one of the same event, and a household with guests stays.
 */
public abstract class GuestsContract {

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract Households households();

    protected abstract Guests guests();

    private User storedUser() {
        return users().addOrGet(newUser());
    }

    private Event storedEvent() {
        return Fixtures.storedEvent(users(), events());
    }

    private Household storedHousehold(Event event) {
        Household household = Household.create(HouseholdId.random(), event.id(), HouseholdDetails.named("The Müllers"),
                event.createdBy(), T0);
        households().add(household);
        return household;
    }

    private Guest stored(Event event, Household household, GuestId id, String name, long secondsAfterT0) {
        Guest guest = new Guest(id, event.id(), GuestDetails.named(household.id(), name),
                firstRevision(event.createdBy(), secondsAfterT0));
        guests().add(guest);
        return guest;
    }

    private Guest stored(Event event, Household household) {
        return stored(event, household, GuestId.random(), "Anna", 0);
    }

    private Guest newGuest(Event event, HouseholdId household) {
        return Guest.create(GuestId.random(), event.id(), GuestDetails.named(household, "Bert"), event.createdBy(), T0);
    }

    @Test
    void storesAGuestWithEveryFieldSetAndReadsItBack() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        Guest guest = new Guest(GuestId.random(), event.id(), fullGuestDetails(household.id()),
                laterRevision(5, event.createdBy(), storedUser().id()));

        guests().add(guest);

        assertEquals(Optional.of(guest), guests().byId(event.id(), guest.id()));
    }

    @Test
    void storesAGuestKnownOnlyByNameAndReadsItBack() {
        Event event = storedEvent();
        Guest guest = stored(event, storedHousehold(event));

        Guest read = guests().byId(event.id(), guest.id()).orElseThrow();

        assertEquals(guest, read);
        GuestDetails details = read.details();
        assertTrue(details.email().isEmpty());
        assertTrue(details.phone().isEmpty());
        assertEquals(Rsvp.PENDING, details.rsvp());
        assertTrue(details.mealChoice().isEmpty());
        assertTrue(details.dietaryNotes().isEmpty());
        assertFalse(details.plusOne());
        assertTrue(details.plusOneName().isEmpty());
        assertFalse(details.child());
        assertTrue(details.notes().isEmpty());
    }

    @Test
    void storesEveryAnswerAndAPlusOneWithoutAName() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        for (Rsvp rsvp : Rsvp.values()) {
            GuestDetails details = new GuestDetails(household.id(), "Guest " + rsvp.wireName(), Optional.empty(),
                    Optional.empty(), rsvp, Optional.empty(), Optional.empty(), true, Optional.empty(), false,
                    Optional.empty());
            Guest guest = Guest.create(GuestId.random(), event.id(), details, event.createdBy(), T0);
            guests().add(guest);
            assertEquals(Optional.of(guest), guests().byId(event.id(), guest.id()));
        }
    }

    @Test
    void storesTheLongestTextsTheDomainAllows() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        String longestEmail = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";
        GuestDetails longest = new GuestDetails(household.id(), longestLine(GuestDetails.MAX_NAME),
                Optional.of(Email.of(longestEmail)), Optional.of("1".repeat(GuestDetails.MAX_PHONE)), Rsvp.MAYBE,
                Optional.of(longestLine(GuestDetails.MAX_MEAL_CHOICE)),
                Optional.of(longestText(GuestDetails.MAX_DIETARY_NOTES)), true,
                Optional.of(longestLine(GuestDetails.MAX_NAME)), false, Optional.of(longestText(GuestDetails.MAX_NOTES)));
        Guest guest = Guest.create(GuestId.random(), event.id(), longest, event.createdBy(), T0);

        guests().add(guest);

        assertEquals(Email.MAX_LENGTH, longestEmail.length());
        assertEquals(Optional.of(guest), guests().byId(event.id(), guest.id()));
    }

    @Test
    void findsAGuestOnlyThroughTheirOwnEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household household = storedHousehold(event);
        Guest guest = stored(event, household);

        assertTrue(guests().byId(other.id(), guest.id()).isEmpty());
        assertTrue(guests().byId(EventId.random(), guest.id()).isEmpty());
        assertTrue(guests().byId(event.id(), GuestId.random()).isEmpty());
        assertEquals(List.of(), guests().ofEvent(other.id()));
        assertEquals(List.of(), guests().ofHousehold(other.id(), household.id()));
        assertEquals(0, guests().count(other.id()));
    }

    @Test
    void refusesASecondGuestWithTheSameIdAndLeavesTheTransactionUsable() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        Guest first = stored(event, household);
        Guest twin = new Guest(first.id(), event.id(), GuestDetails.named(household.id(), "Twin"),
                firstRevision(event.createdBy(), 3));
        Guest next = stored(event, household, GuestId.random(), "Next", 1);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> guests().add(twin));
            guests().update(new Guest(next.id(), event.id(), GuestDetails.named(household.id(), "Next, renamed"),
                    next.revision().next(event.createdBy(), T0.plusSeconds(2))));
        });

        assertEquals(Optional.of(first), guests().byId(event.id(), first.id()));
        assertEquals("Next, renamed", guests().byId(event.id(), next.id()).orElseThrow().details().name());
    }

    @Test
    void refusesAGuestWhoseHouseholdIsNotOneOfTheirEventAndLeavesTheTransactionUsable() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household elsewhere = storedHousehold(other);
        Household here = storedHousehold(event);
        Guest inOtherEventsHousehold = newGuest(event, elsewhere.id());
        Guest inNoHousehold = newGuest(event, HouseholdId.random());
        Guest fine = newGuest(event, here.id());

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> guests().add(inOtherEventsHousehold));
            assertThrows(IllegalStateException.class, () -> guests().add(inNoHousehold));
            guests().add(fine);
        });

        assertTrue(guests().byId(event.id(), inOtherEventsHousehold.id()).isEmpty());
        assertTrue(guests().byId(event.id(), inNoHousehold.id()).isEmpty());
        assertEquals(List.of(), guests().ofEvent(other.id()));
        assertEquals(List.of(fine), guests().ofEvent(event.id()));
    }

    @Test
    void movesAGuestToAnotherHouseholdOfTheirEventButNotOfAnother() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household from = storedHousehold(event);
        Household to = storedHousehold(event);
        Household elsewhere = storedHousehold(other);
        Guest guest = stored(event, from);
        Revision next = guest.revision().next(event.createdBy(), T0.plusSeconds(1));
        Guest moved = new Guest(guest.id(), event.id(), GuestDetails.named(to.id(), "Anna"), next);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> guests().update(
                    new Guest(guest.id(), event.id(), GuestDetails.named(elsewhere.id(), "Anna"), next)));
            assertThrows(IllegalStateException.class, () -> guests().update(
                    new Guest(guest.id(), event.id(), GuestDetails.named(HouseholdId.random(), "Anna"), next)));
            assertEquals(Optional.of(guest), guests().byId(event.id(), guest.id()));
            guests().update(moved);
        });

        assertEquals(Optional.of(moved), guests().byId(event.id(), guest.id()));
        assertEquals(List.of(), guests().ofHousehold(event.id(), from.id()));
        assertEquals(List.of(moved), guests().ofHousehold(event.id(), to.id()));
    }

    @Test
    void listsGuestsEarliestAddedFirstThenByIdForTheEventAndForEachHousehold() {
        Event event = storedEvent();
        Household first = storedHousehold(event);
        Household second = storedHousehold(event);
        Guest late = stored(event, first, GuestId.random(), "Late", 10);
        Guest tiedHigh = stored(event, second, new GuestId(uuidStartingWith('f')), "Tied high", 5);
        Guest early = stored(event, second, GuestId.random(), "Early", 0);
        Guest tiedLow = stored(event, first, new GuestId(uuidStartingWith('1')), "Tied low", 5);
        Event other = storedEvent();
        stored(other, storedHousehold(other), GuestId.random(), "Elsewhere", 1);
        Guest edited = new Guest(early.id(), event.id(), GuestDetails.named(second.id(), "Early, edited last"),
                early.revision().next(event.createdBy(), T0.plusSeconds(99)));
        guests().update(edited);

        assertEquals(List.of(edited, tiedLow, tiedHigh, late), guests().ofEvent(event.id()));
        assertEquals(List.of(tiedLow, late), guests().ofHousehold(event.id(), first.id()));
        assertEquals(List.of(edited, tiedHigh), guests().ofHousehold(event.id(), second.id()));
        assertEquals(List.of(), guests().ofHousehold(event.id(), HouseholdId.random()));
    }

    @Test
    void countsTheGuestsOfOneEvent() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        stored(event, household);
        stored(event, household);
        stored(event, storedHousehold(event));
        Event other = storedEvent();
        stored(other, storedHousehold(other));

        assertEquals(3, guests().count(event.id()));
        assertEquals(1, guests().count(other.id()));
    }

    @Test
    void updatesDetailsAndRevisionButNotTheCreation() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        User editor = storedUser();
        Guest guest = stored(event, household);
        Revision claimed = new Revision(2, T0.plusSeconds(999), storedUser().id(), T0.plusSeconds(60), editor.id());

        guests().update(new Guest(guest.id(), event.id(), fullGuestDetails(household.id()), claimed));

        Guest read = guests().byId(event.id(), guest.id()).orElseThrow();
        assertEquals(fullGuestDetails(household.id()), read.details());
        assertEquals(new Revision(2, guest.revision().createdAt(), guest.revision().createdBy(), T0.plusSeconds(60),
                editor.id()), read.revision());
    }

    @Test
    void anUpdateClearsTheFieldsItLeavesEmpty() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        Guest guest = Guest.create(GuestId.random(), event.id(), fullGuestDetails(household.id()), event.createdBy(), T0);
        guests().add(guest);
        Guest cleared = new Guest(guest.id(), event.id(), GuestDetails.named(household.id(), "Just a name"),
                guest.revision().next(event.createdBy(), T0.plusSeconds(1)));

        guests().update(cleared);

        assertEquals(Optional.of(cleared), guests().byId(event.id(), guest.id()));
    }

    @Test
    void cannotUpdateAGuestThroughAnotherEventOrOneWhoDoesNotExist() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household household = storedHousehold(event);
        Household otherHousehold = storedHousehold(other);
        Guest guest = stored(event, household);
        Revision next = guest.revision().next(event.createdBy(), T0.plusSeconds(1));

        assertThrows(NotFound.class, () -> guests().update(
                new Guest(guest.id(), other.id(), GuestDetails.named(otherHousehold.id(), "Hijacked"), next)));
        assertThrows(NotFound.class, () -> guests().update(
                new Guest(GuestId.random(), event.id(), GuestDetails.named(household.id(), "Nobody"), next)));

        assertEquals(List.of(guest), guests().ofEvent(event.id()));
        assertEquals(List.of(), guests().ofEvent(other.id()));
    }

    @Test
    void removesAGuestOnlyThroughTheirOwnEventAndSaysWhetherThereWasOne() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household household = storedHousehold(event);
        Guest removed = stored(event, household);
        Guest kept = stored(event, household, GuestId.random(), "Kept", 1);

        assertFalse(guests().remove(other.id(), removed.id()));
        assertEquals(Optional.of(removed), guests().byId(event.id(), removed.id()));

        assertTrue(guests().remove(event.id(), removed.id()));
        assertFalse(guests().remove(event.id(), removed.id()));
        assertFalse(guests().remove(event.id(), GuestId.random()));

        assertEquals(List.of(kept), guests().ofEvent(event.id()));
    }

    @Test
    void aHouseholdWithGuestsCannotBeRemovedAndTheRefusalLeavesTheTransactionUsable() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        Household empty = storedHousehold(event);
        Guest guest = stored(event, household);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> households().remove(event.id(), household.id()));
            assertTrue(households().remove(event.id(), empty.id()));
        });

        assertTrue(households().byId(event.id(), household.id()).isPresent());
        assertEquals(Optional.of(guest), guests().byId(event.id(), guest.id()));
        assertTrue(households().byId(event.id(), empty.id()).isEmpty());

        assertTrue(guests().remove(event.id(), guest.id()));
        assertTrue(households().remove(event.id(), household.id()));
        assertTrue(households().byId(event.id(), household.id()).isEmpty());
    }

    @Test
    void removingAnEventRemovesItsHouseholdsAndGuestsOnly() {
        Event removed = storedEvent();
        Event kept = storedEvent();
        Household goneHousehold = storedHousehold(removed);
        Guest gone = stored(removed, goneHousehold);
        stored(removed, goneHousehold);
        Household keptHousehold = storedHousehold(kept);
        Guest stays = stored(kept, keptHousehold);

        events().remove(removed.id());

        assertEquals(List.of(), guests().ofEvent(removed.id()));
        assertEquals(0, guests().count(removed.id()));
        assertTrue(guests().byId(removed.id(), gone.id()).isEmpty());
        assertEquals(List.of(), households().ofEvent(removed.id()));
        assertEquals(List.of(stays), guests().ofEvent(kept.id()));
        assertEquals(List.of(keptHousehold), households().ofEvent(kept.id()));
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event event = storedEvent();
        Household household = storedHousehold(event);
        Guest kept = stored(event, household);
        Guest removed = stored(event, household, GuestId.random(), "Removed", 1);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            Household added = storedHousehold(event);
            guests().add(newGuest(event, added.id()));
            guests().update(new Guest(kept.id(), event.id(), fullGuestDetails(household.id()),
                    kept.revision().next(event.createdBy(), T0.plusSeconds(5))));
            guests().remove(event.id(), removed.id());
            throw new IllegalStateException("the work fails");
        }));

        assertEquals(List.of(kept, removed), guests().ofEvent(event.id()));
        assertEquals(List.of(household), households().ofEvent(event.id()));
    }
}
