package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import java.util.Objects;
import java.util.Optional;

/** A person signs in with nothing but their email address, and signs out again. */
public interface SignIn {

    /**
     * Mails a one-time sign-in link to {@code email}, whether or not anyone has used that
     * address before: the answer never tells whether an account exists.
     *
     * @throws eu.heapzilla.eventa.domain.error.Unavailable when the mail cannot be handed over
     */
    void requestLink(Email email, ClientAddress requester);

    /**
     * Uses the link's token: the first use creates the user if needed and hands out a bearer
     * for this device. Of two racing uses of one token, exactly one succeeds.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when no link has this token
     * @throws eu.heapzilla.eventa.domain.error.Gone when the link was used before or has expired
     */
    SignedIn verify(Secret token, Optional<DeviceLabel> device);

    /** Revokes {@code bearer}; the very next request with it is refused. */
    void signOut(Secret bearer);

    /** A fresh bearer and whose it is. */
    record SignedIn(Secret bearer, User user) {

        public SignedIn {
            Objects.requireNonNull(bearer, "bearer");
            Objects.requireNonNull(user, "user");
        }
    }
}
