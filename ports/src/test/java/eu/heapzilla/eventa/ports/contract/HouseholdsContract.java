package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.firstRevision;
import static eu.heapzilla.eventa.ports.contract.Fixtures.fullHouseholdDetails;
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
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Households;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Households} implementation must do. */
public abstract class HouseholdsContract {

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract Households households();

    private User storedUser() {
        return users().addOrGet(newUser());
    }

    private Event storedEvent() {
        return Fixtures.storedEvent(users(), events());
    }

    private Household stored(Event event, HouseholdId id, String name, long secondsAfterT0) {
        Household household = new Household(id, event.id(), HouseholdDetails.named(name),
                firstRevision(event.createdBy(), secondsAfterT0));
        households().add(household);
        return household;
    }

    private Household stored(Event event) {
        return stored(event, HouseholdId.random(), "The Müllers", 0);
    }

    @Test
    void storesAHouseholdWithEveryFieldSetAndReadsItBack() {
        Event event = storedEvent();
        Household household = new Household(HouseholdId.random(), event.id(), fullHouseholdDetails(),
                laterRevision(7, event.createdBy(), storedUser().id()));

        households().add(household);

        assertEquals(Optional.of(household), households().byId(event.id(), household.id()));
    }

    @Test
    void storesAHouseholdWithOnlyANameAndReadsItBack() {
        Event event = storedEvent();
        Household household = stored(event);

        Household read = households().byId(event.id(), household.id()).orElseThrow();

        assertEquals(household, read);
        assertTrue(read.details().address().isEmpty());
        assertTrue(read.details().notes().isEmpty());
        assertEquals(1, read.version());
    }

    @Test
    void storesTheLongestTextsTheDomainAllows() {
        Event event = storedEvent();
        HouseholdDetails longest = new HouseholdDetails(longestLine(HouseholdDetails.MAX_NAME),
                Optional.of(longestText(HouseholdDetails.MAX_ADDRESS)), Optional.of(longestText(HouseholdDetails.MAX_NOTES)));
        Household household = new Household(HouseholdId.random(), event.id(), longest, firstRevision(event.createdBy(), 0));

        households().add(household);

        assertEquals(Optional.of(household), households().byId(event.id(), household.id()));
    }

    @Test
    void findsAHouseholdOnlyThroughItsOwnEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household household = stored(event);

        assertTrue(households().byId(other.id(), household.id()).isEmpty());
        assertTrue(households().byId(EventId.random(), household.id()).isEmpty());
        assertTrue(households().byId(event.id(), HouseholdId.random()).isEmpty());
        assertEquals(List.of(), households().ofEvent(other.id()));
        assertEquals(0, households().count(other.id()));
        assertEquals(List.of(), households().ofEvent(EventId.random()));
    }

    @Test
    void refusesASecondHouseholdWithTheSameIdEvenInAnotherEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household first = stored(event);
        Household sameIdHere = new Household(first.id(), event.id(), HouseholdDetails.named("Twins"),
                firstRevision(event.createdBy(), 5));
        Household sameIdThere = new Household(first.id(), other.id(), HouseholdDetails.named("Twins"),
                firstRevision(other.createdBy(), 5));

        assertThrows(IllegalStateException.class, () -> households().add(sameIdHere));
        assertThrows(IllegalStateException.class, () -> households().add(sameIdThere));

        assertEquals(Optional.of(first), households().byId(event.id(), first.id()));
        assertTrue(households().byId(other.id(), first.id()).isEmpty());
    }

    @Test
    void aRefusedDuplicateLeavesTheTransactionUsable() {
        Event event = storedEvent();
        Household first = stored(event);
        Household next = Household.create(HouseholdId.random(), event.id(), HouseholdDetails.named("Next"),
                event.createdBy(), T0.plusSeconds(1));

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> households().add(first));
            households().add(next);
        });

        assertEquals(List.of(first, next), households().ofEvent(event.id()));
    }

    @Test
    void refusesAHouseholdOfAnUnknownEventAndLeavesTheTransactionUsable() {
        Event event = storedEvent();
        Household orphan = Household.create(HouseholdId.random(), EventId.random(), HouseholdDetails.named("Lost"),
                event.createdBy(), T0);
        Household next = Household.create(HouseholdId.random(), event.id(), HouseholdDetails.named("Found"),
                event.createdBy(), T0);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> households().add(orphan));
            households().add(next);
        });

        assertTrue(households().byId(orphan.event(), orphan.id()).isEmpty());
        assertEquals(List.of(next), households().ofEvent(event.id()));
    }

    @Test
    void listsAnEventsHouseholdsEarliestCreatedFirstThenById() {
        Event event = storedEvent();
        Household late = stored(event, HouseholdId.random(), "Late", 10);
        Household tiedHigh = stored(event, new HouseholdId(uuidStartingWith('f')), "Tied high", 5);
        Household early = stored(event, HouseholdId.random(), "Early", 0);
        Household tiedLow = stored(event, new HouseholdId(uuidStartingWith('1')), "Tied low", 5);
        stored(storedEvent(), HouseholdId.random(), "Elsewhere", 1);
        Household edited = new Household(early.id(), event.id(), HouseholdDetails.named("Edited last"),
                early.revision().next(event.createdBy(), T0.plusSeconds(99)));
        households().update(edited);

        assertEquals(List.of(edited, tiedLow, tiedHigh, late), households().ofEvent(event.id()));
    }

    @Test
    void countsTheHouseholdsOfOneEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        stored(event);
        stored(event);
        stored(event);
        stored(other);

        assertEquals(3, households().count(event.id()));
        assertEquals(1, households().count(other.id()));
        assertEquals(0, households().count(storedEvent().id()));
    }

    @Test
    void updatesDetailsAndRevisionButNotTheCreation() {
        Event event = storedEvent();
        User editor = storedUser();
        Household household = stored(event);
        Revision claimed = new Revision(4, T0.plusSeconds(999), storedUser().id(), T0.plusSeconds(60), editor.id());

        households().update(new Household(household.id(), event.id(), fullHouseholdDetails(), claimed));

        Household read = households().byId(event.id(), household.id()).orElseThrow();
        assertEquals(fullHouseholdDetails(), read.details());
        assertEquals(new Revision(4, household.revision().createdAt(), household.revision().createdBy(),
                T0.plusSeconds(60), editor.id()), read.revision());
    }

    @Test
    void anUpdateClearsTheFieldsItLeavesEmpty() {
        Event event = storedEvent();
        Household household = new Household(HouseholdId.random(), event.id(), fullHouseholdDetails(),
                firstRevision(event.createdBy(), 0));
        households().add(household);
        Household cleared = new Household(household.id(), event.id(), HouseholdDetails.named("Just a name"),
                household.revision().next(event.createdBy(), T0.plusSeconds(1)));

        households().update(cleared);

        assertEquals(Optional.of(cleared), households().byId(event.id(), household.id()));
    }

    @Test
    void cannotUpdateAHouseholdThroughAnotherEventOrOneThatDoesNotExist() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household household = stored(event);
        Revision next = household.revision().next(event.createdBy(), T0.plusSeconds(1));

        assertThrows(NotFound.class, () -> households().update(
                new Household(household.id(), other.id(), HouseholdDetails.named("Hijacked"), next)));
        assertThrows(NotFound.class, () -> households().update(
                new Household(HouseholdId.random(), event.id(), HouseholdDetails.named("Nobody"), next)));

        assertEquals(List.of(household), households().ofEvent(event.id()));
        assertEquals(List.of(), households().ofEvent(other.id()));
    }

    @Test
    void removesAHouseholdOnlyThroughItsOwnEventAndSaysWhetherThereWasOne() {
        Event event = storedEvent();
        Event other = storedEvent();
        Household removed = stored(event);
        Household kept = stored(event, HouseholdId.random(), "Kept", 1);

        assertFalse(households().remove(other.id(), removed.id()));
        assertEquals(Optional.of(removed), households().byId(event.id(), removed.id()));

        assertTrue(households().remove(event.id(), removed.id()));
        assertFalse(households().remove(event.id(), removed.id()));
        assertFalse(households().remove(event.id(), HouseholdId.random()));

        assertTrue(households().byId(event.id(), removed.id()).isEmpty());
        assertEquals(List.of(kept), households().ofEvent(event.id()));
    }

    @Test
    void removingAnEventRemovesItsHouseholdsOnly() {
        Event removed = storedEvent();
        Event kept = storedEvent();
        Household gone = stored(removed);
        stored(removed);
        Household stays = stored(kept);

        events().remove(removed.id());

        assertEquals(List.of(), households().ofEvent(removed.id()));
        assertEquals(0, households().count(removed.id()));
        assertTrue(households().byId(removed.id(), gone.id()).isEmpty());
        assertEquals(List.of(stays), households().ofEvent(kept.id()));
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event event = storedEvent();
        Household kept = stored(event);
        Household removed = stored(event, HouseholdId.random(), "Removed", 1);
        Household added = Household.create(HouseholdId.random(), event.id(), HouseholdDetails.named("Added"),
                event.createdBy(), T0);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            households().add(added);
            households().update(new Household(kept.id(), event.id(), fullHouseholdDetails(),
                    kept.revision().next(event.createdBy(), T0.plusSeconds(5))));
            households().remove(event.id(), removed.id());
            throw new IllegalStateException("the work fails");
        }));

        assertEquals(List.of(kept, removed), households().ofEvent(event.id()));
    }
}
