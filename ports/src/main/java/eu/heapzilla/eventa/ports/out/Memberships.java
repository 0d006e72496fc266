package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.List;
import java.util.Optional;

/** Who belongs to which event, with which role. A user belongs to an event at most once. */
public interface Memberships {

    /** @throws IllegalStateException when the user is already a member of that event */
    void add(Membership membership);

    Optional<Membership> of(EventId event, UserId user);

    /** The event's members, earliest joined first (ties by user id). */
    List<Membership> ofEvent(EventId event);

    /** The user's memberships, earliest joined first (ties by event id). */
    List<Membership> ofUser(UserId user);

    /**
     * Stores the role and version of an existing membership.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when there is no such membership
     */
    void update(Membership membership);

    /** Removes the membership; returns whether there was one. */
    boolean remove(EventId event, UserId user);
}
