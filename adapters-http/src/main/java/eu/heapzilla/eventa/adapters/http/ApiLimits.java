package eu.heapzilla.eventa.adapters.http;

import java.util.Objects;

/**
 * How much a signed-in client may do; each limit is a {@link RateLimit}, kept in this process.
 *
 * @param perBearer       requests with one bearer (one device's sign-in) to the {@code /api/v1} routes that need
 *                        one, and upgrades of the live endpoint (each accepted upgrade is one request)
 * @param invitesPerEvent invites created for one event, whoever sends them
 */
public record ApiLimits(RateLimit perBearer, RateLimit invitesPerEvent) {

    /**
     * 600 requests a minute: an app opening an event with its guests, tasks, budget and receipts
     * makes a few dozen at once, and the whole allowance is there for such a burst; a script
     * that keeps going is held to ten a second. 50 invites a day: invites are for the people
     * planning together, not for the guest list, so even a large planning team fits in one day,
     * while a spammer cannot use an event to mail strangers by the thousand.
     */
    public static final ApiLimits DEFAULT = new ApiLimits(RateLimit.perMinute(600), RateLimit.perDay(50));

    public ApiLimits {
        Objects.requireNonNull(perBearer, "perBearer");
        Objects.requireNonNull(invitesPerEvent, "invitesPerEvent");
    }
}
