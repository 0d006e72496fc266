package eu.heapzilla.eventa.domain.push;

import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A device that receives pushes for {@code user}. It was registered through the bearer whose
 * hash is {@code bearer}: once that bearer is signed out, the device gets no more pushes.
 * Registering the same token again refreshes it (and moves it, if another person now signs
 * in on that phone).
 */
public record PushDevice(PushToken token, UserId user, Platform platform, SecretHash bearer, Instant registeredAt) {

    /** How many devices one person keeps; registering one more lets the longest-unrefreshed go. */
    public static final int MAX_PER_USER = 20;

    public PushDevice {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(bearer, "bearer");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
