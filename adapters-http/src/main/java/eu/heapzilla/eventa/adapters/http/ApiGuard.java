package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.event.EventId;
import java.util.function.Supplier;

/** The limits on signed-in use of the API: requests per bearer and invites per event. */
final class ApiGuard {

    private final RateLimiter<SecretHash> requestsPerBearer;
    private final RateLimiter<EventId> invitesPerEvent;

    ApiGuard(ApiLimits limits) {
        this.requestsPerBearer = new RateLimiter<>("requests with this sign-in", limits.perBearer());
        this.invitesPerEvent = new RateLimiter<>("invites to this event", limits.invitesPerEvent());
    }

    /** Counts a request made with an accepted bearer, under its hash: no token is kept. */
    void requestWith(Secret bearer) {
        requestsPerBearer.acquire(bearer.hash());
    }

    /** Creates an invite to {@code event} with {@code create}; one that fails (not allowed, say) does not count. */
    <T> T invite(EventId event, Supplier<T> create) {
        return invitesPerEvent.spend(event, create);
    }
}
