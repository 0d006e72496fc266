package eu.heapzilla.eventa.adapters.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/**
 * One {@link Allowance} per key (an email address, a client address, a bearer's hash, an
 * event), kept in a bounded Caffeine cache: an allowance untouched for a whole period is full
 * again anyway, so it is dropped. The allowances live in this process; several instances each
 * apply the limit on their own.
 *
 * @param <K> what is limited; its {@code equals} and {@code hashCode} tell one client from another
 */
final class RateLimiter<K> {

    private static final long MAX_KEYS = 100_000;

    private final String name;
    private final RateLimit limit;
    private final Cache<K, Allowance> allowances;

    RateLimiter(String name, RateLimit limit) {
        this.name = name;
        this.limit = limit;
        this.allowances = Caffeine.newBuilder()
                .expireAfterAccess(limit.period())
                .maximumSize(MAX_KEYS)
                .build();
    }

    /** Takes one request from {@code key}'s allowance. @throws TooManyRequests when none is left */
    void acquire(K key) {
        allowance(key).take(name);
    }

    /**
     * Does {@code action} on one request of {@code key}'s allowance, which is given back if the
     * action fails: only what happened counts.
     *
     * @throws TooManyRequests when none is left, and then {@code action} is not done
     */
    <T> T spend(K key, Supplier<T> action) {
        Allowance allowance = allowance(key);
        allowance.take(name);
        try {
            return action.get();
        } catch (RuntimeException e) {
            allowance.giveBack();
            throw e;
        }
    }

    private Allowance allowance(K key) {
        return allowances.get(key, k -> new Allowance(limit));
    }
}
