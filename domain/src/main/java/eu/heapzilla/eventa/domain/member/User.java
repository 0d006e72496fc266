package eu.heapzilla.eventa.domain.member;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A person who can sign in. {@code lastSeenAt} is empty until their first request. */
public record User(UserId id, Email email, DisplayName displayName, Instant createdAt, Optional<Instant> lastSeenAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** A user who has just been created and never seen. */
    public static User register(UserId id, Email email, Instant now) {
        return new User(id, email, DisplayName.defaultFor(email), now, Optional.empty());
    }

    public User renamed(DisplayName name) {
        return new User(id, email, name, createdAt, lastSeenAt);
    }

    public User seenAt(Instant when) {
        return withLastSeen(Optional.of(when));
    }

    public User withLastSeen(Optional<Instant> when) {
        return new User(id, email, displayName, createdAt, when);
    }
}
