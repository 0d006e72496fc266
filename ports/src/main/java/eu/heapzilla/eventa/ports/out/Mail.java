package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.member.Email;
import java.time.Instant;
import java.util.Objects;

/** A message the core wants sent; how it looks (subject, HTML, text) is the mail adapter's business. */
public sealed interface Mail {

    /** Who receives it. */
    Email to();

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
}
