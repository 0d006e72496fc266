package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;

/** A person looks at a user's profile (their own, or a fellow member's). */
public interface ViewProfile {

    /** @throws eu.heapzilla.eventa.domain.error.NotFound when no such user exists */
    User profile(UserId id);
}
