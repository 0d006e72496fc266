package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import java.util.List;
import java.util.Optional;

/** The guests of each event, each in a household of the same event. A guest is found only through its own event. */
public interface Guests {

    /**
     * @throws IllegalStateException when a guest with that id exists
     */
    void add(Guest guest);

    /** The guest, when they belong to {@code event}. */
    Optional<Guest> byId(EventId event, GuestId id);

    /** The event's guests, earliest added first (ties by id). */
    List<Guest> ofEvent(EventId event);

    /** The guests of one household of the event, earliest added first (ties by id). */
    List<Guest> ofHousehold(EventId event, HouseholdId household);

    int count(EventId event);

    /**
     * Stores the details and revision of an existing guest.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when they do not exist in their event
     */
    void update(Guest guest);

    /** Removes the guest; returns whether there was one. */
    boolean remove(EventId event, GuestId id);
}
