package eu.heapzilla.eventa.ports.service.archfixture.publicservice;

import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.ViewProfile;

/** Breaks rule 6: a public use-case service. */
public final class PublicService implements ViewProfile {

    @Override
    public User profile(UserId id) {
        throw new UnsupportedOperationException("fixture");
    }
}
