package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import java.time.Instant;
import java.util.Objects;

/**
 * What the person who runs the server does from its command line, where they need no account
 * and no mail: let the first people in, and take an event out. Nothing here is reachable over
 * HTTP; the operator's shell is the permission.
 */
public interface Administer {

    /**
     * A one-time sign-in link for {@code email}, the one a sign-in mail would carry, handed to
     * the operator instead of mailed. Verifying it creates the account if there is none.
     */
    Link signInLink(Email email);

    /**
     * Makes {@code email}'s account (created if there is none) an owner of {@code event}: a member
     * is promoted, anyone else joins as owner, like an invite accepted at once.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when there is no such event
     */
    User addOwner(EventId event, Email email);

    /**
     * An invite into {@code event}, in the name of its longest-standing owner, handed to the
     * operator instead of mailed. It replaces a pending invite to the same address.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when there is no such event
     * @throws eu.heapzilla.eventa.domain.error.Conflict {@code already_member} when the address belongs to a member
     */
    Link createInvite(EventId event, Email email, Role role);

    /**
     * The event as one consistent document, as a member would export it.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when there is no such event
     */
    EventDocument exportEvent(EventId event);

    /** A one-time token and until when it works. */
    record Link(Secret token, Instant expiresAt) {

        public Link {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
