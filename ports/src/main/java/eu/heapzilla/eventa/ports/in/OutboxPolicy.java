package eu.heapzilla.eventa.ports.in;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the outbox worker ({@link DeliverOutbox}) goes about its work.
 *
 * @param batch        how many items one worker claims at a time
 * @param lease        how long a claim holds before a dead worker's items are claimed again
 * @param maxAttempts  how many attempts an item gets before it is a dead letter
 * @param firstRetry   the pause after the first failed attempt; each further one doubles it
 * @param longestRetry the longest pause between attempts
 * @param coalescing   the window in which a person gets at most one push per event
 * @param keepFinished how long delivered items stay visible before housekeeping deletes them
 */
public record OutboxPolicy(int batch, Duration lease, int maxAttempts, Duration firstRetry, Duration longestRetry,
                           Duration coalescing, Duration keepFinished) {

    /** 10 attempts over about 25 minutes; one push per person and event per 10 seconds. */
    public static final OutboxPolicy DEFAULTS = new OutboxPolicy(10, Duration.ofSeconds(60), 10, Duration.ofSeconds(2),
            Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofDays(7));

    public OutboxPolicy {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(longestRetry, "longestRetry");
        Objects.requireNonNull(coalescing, "coalescing");
        Objects.requireNonNull(keepFinished, "keepFinished");
        if (batch < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batch and maxAttempts must be positive");
        }
        if (lease.isNegative() || lease.isZero() || firstRetry.isNegative() || longestRetry.compareTo(firstRetry) < 0
                || coalescing.isNegative()) {
            throw new IllegalArgumentException("lease must be positive, retries and coalescing not negative");
        }
    }

    public OutboxPolicy withCoalescing(Duration window) {
        return new OutboxPolicy(batch, lease, maxAttempts, firstRetry, longestRetry, window, keepFinished);
    }

    public OutboxPolicy withRetries(int attempts, Duration first, Duration longest) {
        return new OutboxPolicy(batch, lease, attempts, first, longest, coalescing, keepFinished);
    }

    public OutboxPolicy withLease(Duration claimFor) {
        return new OutboxPolicy(batch, claimFor, maxAttempts, firstRetry, longestRetry, coalescing, keepFinished);
    }

    /**
     * The pause after the {@code attempt}-th failure: {@code firstRetry} doubled per attempt,
     * at most {@code longestRetry}, then jittered down by up to half so that items failing
     * together do not come back together.
     */
    public Duration pauseAfter(int attempt) {
        long nanos = firstRetry.toNanos();
        for (int i = 1; i < attempt && nanos < longestRetry.toNanos(); i++) {
            nanos *= 2;
        }
        nanos = Math.min(nanos, longestRetry.toNanos());
        return Duration.ofNanos(nanos / 2 + (long) (ThreadLocalRandom.current().nextDouble() * (nanos / 2.0)));
    }
}
