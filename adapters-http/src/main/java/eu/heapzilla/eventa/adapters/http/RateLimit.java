package eu.heapzilla.eventa.adapters.http;

import java.time.Duration;

/**
 * One rate limit: {@code requests} per {@code period}, kept as a token bucket. The whole
 * allowance may be spent at once (that is the burst a client gets); spent requests come back
 * evenly over the period, so a client that keeps going is served at {@code requests / period}.
 */
public record RateLimit(int requests, Duration period) {

    public RateLimit {
        if (requests < 1) {
            throw new IllegalArgumentException("a limit allows at least one request");
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit's period is positive");
        }
    }

    /** {@code requests} a minute. */
    public static RateLimit perMinute(int requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }

    /** {@code requests} a day. */
    public static RateLimit perDay(int requests) {
        return new RateLimit(requests, Duration.ofDays(1));
    }

    /** {@code factor} times as many requests in the same period (at most {@link Integer#MAX_VALUE}). */
    RateLimit times(int factor) {
        return new RateLimit((int) Math.min(Integer.MAX_VALUE, (long) requests * factor), period);
    }
}
