package eu.heapzilla.eventa.adapters.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.TimeUnit;

/**
 * One Bucket4j token bucket per key (an email address, a client address), kept in a bounded
 * Caffeine cache: a bucket untouched for a whole period is full again anyway, so it is dropped.
 * The buckets live in this process; several instances each apply the limit on their own.
 */
final class RateLimiter {

    private static final long MAX_KEYS = 100_000;

    private final String name;
    private final SignInLimits.Limit limit;
    private final Cache<String, Bucket> buckets;

    RateLimiter(String name, SignInLimits.Limit limit) {
        this.name = name;
        this.limit = limit;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limit.period())
                .maximumSize(MAX_KEYS)
                .build();
    }

    /** Takes one request from {@code key}'s allowance. @throws TooManyRequests when none is left */
    void acquire(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new TooManyRequests(name, seconds);
        }
    }
}
