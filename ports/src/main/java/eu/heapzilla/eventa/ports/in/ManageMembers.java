package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Members see who plans the event with them; owners change roles and remove people; anyone
 * may leave. An event never loses its last owner, and a removed member's very next request is
 * refused.
 */
public interface ManageMembers {

    /** The event's members, earliest joined first. */
    List<Member> members(UserId viewer, EventId event);

    /**
     * Gives {@code member} a new role; owners only.
     *
     * @throws eu.heapzilla.eventa.domain.error.Conflict {@code last_owner} when it would leave the event without an owner
     */
    Member changeRole(UserId owner, EventId event, UserId member, Role role);

    /**
     * Removes {@code member}: an owner removes anyone, a member removes themselves.
     *
     * @throws eu.heapzilla.eventa.domain.error.Conflict {@code last_owner} when it would leave the event without an owner
     */
    void remove(UserId actor, EventId event, UserId member);

    /** A membership and the person it belongs to. */
    record Member(Membership membership, User user) {

        public Member {
            Objects.requireNonNull(membership, "membership");
            Objects.requireNonNull(user, "user");
        }
    }
}
