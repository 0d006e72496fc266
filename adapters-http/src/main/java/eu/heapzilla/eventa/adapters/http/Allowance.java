package eu.heapzilla.eventa.adapters.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.TimeUnit;

/** What one client (an address, a bearer, a connection) may still do under one {@link RateLimit}: a Bucket4j bucket. */
final class Allowance {

    private final Bucket bucket;

    Allowance(RateLimit limit) {
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build())
                .build();
    }

    /** Takes one request. @throws TooManyRequests about {@code what} when none is left */
    void take(String what) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new TooManyRequests(what, seconds);
        }
    }

    /** Takes one request if one is left. */
    boolean tryTake() {
        return bucket.tryConsume(1);
    }

    /** Gives back a request taken for something that then did not happen. */
    void giveBack() {
        bucket.addTokens(1);
    }
}
