package eu.heapzilla.eventa.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many outbox items stand where, and since when the oldest pending one has waited.
 *
 * @param retrying the pending items that have failed at least once and wait to be tried again (or are being
 *                 tried again now): those {@link Outbox#retry} was called for; an item on its first attempt is
 *                 not among them
 */
public record OutboxCounts(long pending, long retrying, long delivered, long dropped, long dead,
                           Optional<Instant> oldestPending) {

    public OutboxCounts {
        Objects.requireNonNull(oldestPending, "oldestPending");
        if (retrying < 0 || retrying > pending) {
            throw new IllegalArgumentException("retrying must be between 0 and pending");
        }
    }
}
