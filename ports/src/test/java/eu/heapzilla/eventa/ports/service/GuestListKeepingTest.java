package eu.heapzilla.eventa.ports.service;

import static eu.heapzilla.eventa.ports.service.EventWorld.assertChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.Forbidden;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.ManageGuests;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestListKeepingTest {

    private final EventWorld world = new EventWorld();
    private final ManageGuests guests = world.useCases.manageGuests();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final UserId ed = world.join(olga, wedding, "Ed", Role.EDITOR);
    private final UserId vic = world.join(olga, wedding, "Vic", Role.VIEWER);

    @Test
    void anEditorAddsAHouseholdAndAGuestAndBothAreLogged() {
        Household household = guests.addHousehold(ed, wedding, HouseholdDetails.named("The Müllers"));
        assertChange(world.lastChange(wedding), world.log(wedding).size(), EntityType.HOUSEHOLD,
                household.id().toString(), ChangeOp.CREATED, 1, ed);
        Guest guest = guests.addGuest(ed, wedding, GuestDetails.named(household.id(), "Anna"));
        assertChange(world.lastChange(wedding), world.log(wedding).size(), EntityType.GUEST, guest.id().toString(),
                ChangeOp.CREATED, 1, ed);
        assertEquals(List.of(guest), guests.guests(vic, wedding));
        assertEquals(household, guests.household(vic, wedding, household.id()));
    }

    @Test
    void aViewerReadsButCannotWriteAndAStrangerSeesNothing() {
        Household household = guests.addHousehold(olga, wedding, HouseholdDetails.named("The Müllers"));
        int logged = world.log(wedding).size();
        assertThrows(Forbidden.class, () -> guests.addHousehold(vic, wedding, HouseholdDetails.named("Mine")));
        assertThrows(Forbidden.class, () -> guests.deleteHousehold(vic, wedding, household.id(), 1));
        UserId stranger = world.user("Stranger");
        assertThrows(NotFound.class, () -> guests.households(stranger, wedding));
        assertThrows(NotFound.class, () -> guests.household(stranger, wedding, household.id()));
        assertEquals(logged, world.log(wedding).size());
    }

    @Test
    void aGuestGoesOnlyIntoAHouseholdOfTheSameEvent() {
        EventId other = world.plan(olga, "Another party");
        Household elsewhere = guests.addHousehold(olga, other, HouseholdDetails.named("Elsewhere"));
        InvalidValue refused = assertThrows(InvalidValue.class,
                () -> guests.addGuest(olga, wedding, GuestDetails.named(elsewhere.id(), "Anna")));
        assertEquals("household_id", refused.info().get("field"));
        assertThrows(InvalidValue.class, () -> guests.addGuest(olga, wedding, GuestDetails.named(HouseholdId.random(), "Bo")));
        assertEquals(List.of(), guests.guests(olga, wedding));
    }

    @Test
    void aHouseholdWithGuestsIsNotDeleted() {
        Household household = guests.addHousehold(olga, wedding, HouseholdDetails.named("The Müllers"));
        Guest anna = guests.addGuest(olga, wedding, GuestDetails.named(household.id(), "Anna"));
        Conflict refused = assertThrows(Conflict.class, () -> guests.deleteHousehold(olga, wedding, household.id(), 1));
        assertEquals("household_not_empty", refused.errorCode());
        assertEquals(1, refused.info().get("guests"));

        guests.deleteGuest(olga, wedding, anna.id(), 1);
        assertChange(world.lastChange(wedding), world.log(wedding).size(), EntityType.GUEST, anna.id().toString(),
                ChangeOp.DELETED, 2, olga);
        guests.deleteHousehold(olga, wedding, household.id(), 1);
        assertChange(world.lastChange(wedding), world.log(wedding).size(), EntityType.HOUSEHOLD,
                household.id().toString(), ChangeOp.DELETED, 2, olga);
        assertEquals(List.of(), guests.households(olga, wedding));
    }

    @Test
    void aStaleEditOrDeleteChangesNothingAndNamesWhoChangedIt() {
        Household household = guests.addHousehold(olga, wedding, HouseholdDetails.named("The Müllers"));
        Guest anna = guests.addGuest(olga, wedding, GuestDetails.named(household.id(), "Anna"));
        world.tick();
        guests.editGuest(ed, wedding, anna.id(), 1, GuestDetails.Edit.none().withRsvp(Rsvp.YES));
        int logged = world.log(wedding).size();

        VersionConflict conflict = assertThrows(VersionConflict.class,
                () -> guests.editGuest(olga, wedding, anna.id(), 1, GuestDetails.Edit.none().withRsvp(Rsvp.NO)));
        assertEquals("Ed", conflict.changedByName().orElseThrow().value());
        assertThrows(VersionConflict.class, () -> guests.deleteGuest(olga, wedding, anna.id(), 1));
        assertEquals(Rsvp.YES, guests.guest(olga, wedding, anna.id()).details().rsvp());
        assertEquals(logged, world.log(wedding).size());
    }

    @Test
    void anIdFromAnotherEventIsNotFound() {
        EventId other = world.plan(olga, "Another party");
        Household elsewhere = guests.addHousehold(olga, other, HouseholdDetails.named("Elsewhere"));
        assertThrows(NotFound.class, () -> guests.household(olga, wedding, elsewhere.id()));
        assertThrows(NotFound.class, () -> guests.editHousehold(olga, wedding, elsewhere.id(), 1,
                HouseholdDetails.Edit.none().withName("Mine")));
        assertThrows(NotFound.class, () -> guests.deleteHousehold(olga, wedding, elsewhere.id(), 1));
        assertEquals("Elsewhere", guests.household(olga, other, elsewhere.id()).details().name());
    }
}
