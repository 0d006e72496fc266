package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone follows the link in an invite mail: they see what they were invited to, and accept.
 * Accepting creates their account if needed, makes them a member and signs them in.
 */
public interface JoinEvent {

    /**
     * What the invite is for, without using it.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when no invite has this token
     * @throws eu.heapzilla.eventa.domain.error.Gone when it was used or withdrawn, or has expired
     */
    Invitation preview(Secret token);

    /**
     * Uses the invite. Someone who is already a member keeps the role they have.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when no invite has this token
     * @throws eu.heapzilla.eventa.domain.error.Gone when it was used or withdrawn, or has expired
     */
    Joined accept(Secret token, Optional<DeviceLabel> device);

    /** An invite as its recipient sees it before accepting. */
    record Invitation(EventId event, String eventTitle, DisplayName inviter, Email email, Role role, Instant expiresAt) {

        public Invitation {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(eventTitle, "eventTitle");
            Objects.requireNonNull(inviter, "inviter");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** The new member, signed in, and where they now belong. */
    record Joined(SignIn.SignedIn signedIn, EventId event, String eventTitle, Role role) {

        public Joined {
            Objects.requireNonNull(signedIn, "signedIn");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(eventTitle, "eventTitle");
            Objects.requireNonNull(role, "role");
        }
    }
}
