package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation, mailed to {@code email}, to join an event with {@code role}. It works once,
 * within {@link #LIFETIME}, unless revoked first; using it also signs the person in.
 */
public record Invite(InviteId id, EventId event, SecretHash hash, Email email, Role role, UserId invitedBy,
                     Instant createdAt, Instant expiresAt, Optional<Instant> acceptedAt, Optional<UserId> acceptedBy,
                     Optional<Instant> revokedAt, long version) {

    /** Long enough for a relative who reads mail on Sundays, short enough that old mail goes stale. */
    public static final Duration LIFETIME = Duration.ofDays(14);

    public Invite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (acceptedAt.isPresent() != acceptedBy.isPresent()) {
            throw new IllegalArgumentException("acceptedAt and acceptedBy go together");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    public static Invite issue(InviteId id, EventId event, SecretHash hash, Email email, Role role, UserId invitedBy,
                               Instant now) {
        return new Invite(id, event, hash, email, role, invitedBy, now, now.plus(LIFETIME), Optional.empty(),
                Optional.empty(), Optional.empty(), 1);
    }

    public InviteStatus status(Instant now) {
        if (acceptedAt.isPresent()) {
            return InviteStatus.ACCEPTED;
        }
        if (revokedAt.isPresent()) {
            return InviteStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? InviteStatus.PENDING : InviteStatus.EXPIRED;
    }

    /**
     * Checks that the invite can still be used at {@code now}.
     *
     * @throws Gone when it was used or revoked, or has expired
     */
    public Invite requireUsable(Instant now) {
        switch (status(now)) {
            case ACCEPTED -> throw new Gone("this invite has already been used; sign in instead");
            case REVOKED -> throw new Gone("this invite was withdrawn; ask for a new one");
            case EXPIRED -> throw new Gone("this invite has expired; ask for a new one");
            case PENDING -> {
                return this;
            }
        }
        throw new IllegalStateException();
    }

    /** This invite, used by {@code user} at {@code now}. @throws Gone as {@link #requireUsable} */
    public Invite accept(UserId user, Instant now) {
        requireUsable(now);
        return new Invite(id, event, hash, email, role, invitedBy, createdAt, expiresAt, Optional.of(now),
                Optional.of(user), revokedAt, version + 1);
    }

    /**
     * This invite, withdrawn at {@code now} (an expired one too, so it leaves the list of open
     * invites); revoking a revoked invite changes nothing.
     *
     * @throws Gone when it was already accepted: the person is a member now
     */
    public Invite revoke(Instant now) {
        if (acceptedAt.isPresent()) {
            throw new Gone("this invite was already accepted; remove the member instead");
        }
        if (revokedAt.isPresent()) {
            return this;
        }
        return new Invite(id, event, hash, email, role, invitedBy, createdAt, expiresAt, acceptedAt, acceptedBy,
                Optional.of(now), version + 1);
    }
}
