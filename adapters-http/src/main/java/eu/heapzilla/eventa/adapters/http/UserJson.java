package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.member.User;
import java.time.Instant;

/** A user on the wire. */
record UserJson(String id, String email, String displayName, Instant createdAt, Instant lastSeenAt) {

    static UserJson of(User user) {
        return new UserJson(user.id().toString(), user.email().value(), user.displayName().value(), user.createdAt(),
                user.lastSeenAt().orElse(null));
    }
}
