package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.List;

/**
 * The members of an event keep its guest list: households, and the guests in them with their
 * answers. Every member reads; editors and owners write. Every edit and delete names the
 * version it was based on and is refused with a
 * {@link eu.heapzilla.eventa.domain.edit.VersionConflict} when someone else changed it since.
 * Something that is not in the event — or an event the person is not a member of — is
 * {@link eu.heapzilla.eventa.domain.error.NotFound}.
 */
public interface ManageGuests {

    List<Household> households(UserId viewer, EventId event);

    Household household(UserId viewer, EventId event, HouseholdId household);

    /** @throws eu.heapzilla.eventa.domain.error.Conflict {@code limit_reached} at {@link Household#MAX_PER_EVENT} */
    Household addHousehold(UserId editor, EventId event, HouseholdDetails details);

    Household editHousehold(UserId editor, EventId event, HouseholdId household, long basedOn,
                            HouseholdDetails.Edit edit);

    /**
     * Deletes an empty household.
     *
     * @throws eu.heapzilla.eventa.domain.error.Conflict {@code household_not_empty} while guests are still in it
     */
    void deleteHousehold(UserId editor, EventId event, HouseholdId household, long basedOn);

    List<Guest> guests(UserId viewer, EventId event);

    Guest guest(UserId viewer, EventId event, GuestId guest);

    /**
     * @throws eu.heapzilla.eventa.domain.error.InvalidValue {@code household_id} when the household is not in the event
     * @throws eu.heapzilla.eventa.domain.error.Conflict {@code limit_reached} at {@link Guest#MAX_PER_EVENT}
     */
    Guest addGuest(UserId editor, EventId event, GuestDetails details);

    Guest editGuest(UserId editor, EventId event, GuestId guest, long basedOn, GuestDetails.Edit edit);

    void deleteGuest(UserId editor, EventId event, GuestId guest, long basedOn);
}
