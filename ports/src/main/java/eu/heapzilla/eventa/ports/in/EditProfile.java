package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;

/** A person changes how others see them. */
public interface EditProfile {

    /** @throws eu.heapzilla.eventa.domain.error.NotFound when no such user exists */
    User rename(UserId id, DisplayName name);
}
