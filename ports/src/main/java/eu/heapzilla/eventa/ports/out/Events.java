package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import java.util.Optional;

/**
 * The events people plan, each with a change counter: the seq of the last change written to
 * it (0 for a new event).
 */
public interface Events {

    /** Stores a new event with change counter 0. */
    void add(Event event);

    Optional<Event> byId(EventId id);

    /**
     * Reads the event and locks it until the transaction ends: writers of one event take turns
     * here, which keeps its change log gap-free and in commit order. Must be called inside a
     * transaction. Readers never wait for this lock.
     */
    Optional<Event> lock(EventId id);

    /**
     * Stores the brief, version and last editor of an existing event.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when it does not exist
     */
    void update(Event event);

    /**
     * Increments the event's change counter and returns the new value. Call it only while
     * holding {@link #lock}.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when the event does not exist
     */
    long nextChangeSeq(EventId id);

    /** The seq of the event's last change, 0 when none; empty when the event does not exist. */
    Optional<Long> lastChangeSeq(EventId id);

    /** Deletes the event and everything inside it: memberships, invites and its change log. */
    void remove(EventId id);
}
