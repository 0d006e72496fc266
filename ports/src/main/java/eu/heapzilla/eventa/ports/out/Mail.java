package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import java.time.Instant;
import java.util.Objects;

/** A message the core wants sent; how it looks (subject, HTML, text) is the mail adapter's business. */
public sealed interface Mail {

    /** Who receives it. */
    Email to();

    /** When the link it carries stops working: a mail still unsent by then is not worth sending. */
    Instant expiresAt();

    /**
     * A sign-in link: the adapter turns {@code token} into the link to the verify page and the
     * app's {@code eventa://verify} deep link.
     */
    record SignInLink(Email to, Secret token, Instant expiresAt) implements Mail {

        public SignInLink {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * An invitation to join an event: the adapter turns {@code token} into the link to the
     * invite page and the app's {@code eventa://invite} deep link. Using it also signs the
     * person in, so it doubles as a sign-in link.
     *
     * @param inviter the display name of whoever sent it
     * @param eventTitle the event's title when the invite was sent
     */
    record Invitation(Email to, Secret token, DisplayName inviter, String eventTitle, Role role, Instant expiresAt)
            implements Mail {

        public Invitation {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(inviter, "inviter");
            Objects.requireNonNull(eventTitle, "eventTitle");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
