package eu.heapzilla.eventa.adapters.postgres;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next attempt to reach the database again: the ceiling starts at
 * {@code first} and doubles up to {@code max}, and each wait is drawn at random between half
 * the ceiling and the ceiling, so that instances that lost the database together do not all
 * come back in the same instant. {@link #reset()} after a success.
 */
final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long ceilingMillis;

    Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max");
        }
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.ceilingMillis = firstMillis;
    }

    Duration next() {
        long ceiling = ceilingMillis;
        ceilingMillis = Math.min(ceiling * 2, maxMillis);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    void reset() {
        ceilingMillis = firstMillis;
    }
}
