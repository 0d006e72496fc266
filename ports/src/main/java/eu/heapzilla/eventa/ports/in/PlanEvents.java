package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.List;
import java.util.Objects;

/**
 * A person starts planning an event, sees the events they belong to, edits an event's brief
 * together with the others, and (as its owner) deletes it. Someone who is not a member of an
 * event is told it does not exist.
 */
public interface PlanEvents {

    /** Creates the event; its creator becomes its first owner. */
    YourEvent plan(UserId creator, EventBrief brief);

    /** Every event {@code user} belongs to, earliest joined first. */
    List<YourEvent> mine(UserId user);

    /** @throws eu.heapzilla.eventa.domain.error.NotFound when there is no such event or {@code user} is not a member */
    YourEvent view(UserId user, EventId event);

    /**
     * Applies {@code edit}, made on version {@code basedOn}, and returns the event as it is now.
     *
     * @throws eu.heapzilla.eventa.domain.edit.VersionConflict when someone else changed it since; nothing is written
     * @throws eu.heapzilla.eventa.domain.error.Forbidden when a viewer tries
     */
    YourEvent edit(UserId editor, EventId event, long basedOn, EventEdit edit);

    /** Deletes the event and everything in it; owners only. */
    void delete(UserId owner, EventId event);

    /** An event as one of its members sees it: with their role in it. */
    record YourEvent(Event event, Role role) {

        public YourEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(role, "role");
        }
    }
}
