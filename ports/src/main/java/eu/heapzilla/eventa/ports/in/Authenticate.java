package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.member.UserId;

/** Tells who is behind a bearer, on every request that needs to know. */
public interface Authenticate {

    /**
     * The user {@code bearer} was issued to, noting that they were seen now.
     *
     * @throws eu.heapzilla.eventa.domain.error.Unauthenticated when the bearer is unknown or revoked
     */
    UserId authenticate(Secret bearer);
}
