package eu.heapzilla.eventa.domain.live;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a member is in an event right now (one of their connections follows it, on any
 * server instance), and when they were last there if not.
 *
 * @param lastSeen when their last connection to the event ended; empty while online or when never seen
 */
public record MemberPresence(UserId user, boolean online, Optional<Instant> lastSeen) {

    public MemberPresence {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (online && lastSeen.isPresent()) {
            throw new IllegalArgumentException("an online member has no last-seen time");
        }
    }

    public static MemberPresence online(UserId user) {
        return new MemberPresence(user, true, Optional.empty());
    }

    public static MemberPresence offline(UserId user, Optional<Instant> lastSeen) {
        return new MemberPresence(user, false, lastSeen);
    }
}
