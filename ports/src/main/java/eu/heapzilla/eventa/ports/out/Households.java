package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import java.util.List;
import java.util.Optional;

/** The households of each event's guest list. A household is found only through its own event. */
public interface Households {

    /** @throws IllegalStateException when a household with that id exists */
    void add(Household household);

    /** The household, when it belongs to {@code event}. */
    Optional<Household> byId(EventId event, HouseholdId id);

    /** The event's households, earliest created first (ties by id). */
    List<Household> ofEvent(EventId event);

    int count(EventId event);

    /**
     * Stores the details and revision of an existing household.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when it does not exist in its event
     */
    void update(Household household);

    /** Removes the household; returns whether there was one. It must have no guests left. */
    boolean remove(EventId event, HouseholdId id);
}
