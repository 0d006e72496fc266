package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's place in an event. {@code version} counts role changes, so clients can tell a
 * fresh copy from a stale one like any other versioned thing.
 */
public record Membership(EventId event, UserId user, Role role, Instant joinedAt, long version) {

    public Membership {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    public static Membership join(EventId event, UserId user, Role role, Instant now) {
        return new Membership(event, user, role, now, 1);
    }

    public Membership withRole(Role newRole) {
        return new Membership(event, user, newRole, joinedAt, version + 1);
    }
}
