package eu.heapzilla.eventa.domain.access;

import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.member.Email;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time sign-in link sent to {@code email}. It works once, within {@link #LIFETIME} of
 * being issued; the user behind the address is created when it is used, not before.
 *
 * @param requester the client address that asked for it, kept for abuse investigations
 */
public record MagicLink(SecretHash hash, Email email, Instant createdAt, Instant expiresAt,
                        Optional<Instant> consumedAt, ClientAddress requester) {

    public static final Duration LIFETIME = Duration.ofMinutes(30);

    public MagicLink {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(consumedAt, "consumedAt");
        Objects.requireNonNull(requester, "requester");
    }

    public static MagicLink issue(SecretHash hash, Email email, ClientAddress requester, Instant now) {
        return new MagicLink(hash, email, now, now.plus(LIFETIME), Optional.empty(), requester);
    }

    /**
     * This link, used at {@code now}.
     *
     * @throws Gone when it was used before or has expired
     */
    public MagicLink consume(Instant now) {
        if (consumedAt.isPresent()) {
            throw new Gone("this sign-in link has already been used; ask for a new one");
        }
        if (!now.isBefore(expiresAt)) {
            throw new Gone("this sign-in link has expired; ask for a new one");
        }
        return new MagicLink(hash, email, createdAt, expiresAt, Optional.of(now), requester);
    }
}
