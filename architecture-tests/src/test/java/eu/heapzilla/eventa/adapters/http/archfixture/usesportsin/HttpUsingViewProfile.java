package eu.heapzilla.eventa.adapters.http.archfixture.usesportsin;

import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.ViewProfile;

/** Keeps rules 4, 5a and 5b: an adapter that is handed a ports.in interface and calls it. */
public final class HttpUsingViewProfile {

    private final ViewProfile viewProfile;

    public HttpUsingViewProfile(ViewProfile viewProfile) {
        this.viewProfile = viewProfile;
    }

    public String displayNameOf(UserId id) {
        User user = viewProfile.profile(id);
        return user.displayName().value();
    }
}
