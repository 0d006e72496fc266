package eu.heapzilla.eventa.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How many outbox items stand where, and since when the oldest pending one has waited. */
public record OutboxCounts(long pending, long delivered, long dropped, long dead, Optional<Instant> oldestPending) {

    public OutboxCounts {
        Objects.requireNonNull(oldestPending, "oldestPending");
    }
}
