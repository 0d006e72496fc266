package eu.heapzilla.eventa.ports.out;

import java.time.Instant;
import java.util.Objects;

/**
 * An outbox item a worker has claimed, on its {@code attempt}-th try. The attempt number
 * fences the claim: once the claim has lapsed and another worker has claimed the item again,
 * the first one's verdict is refused.
 */
public record OutboxEntry(long id, int attempt, OutboxItem item, Instant createdAt) {

    public OutboxEntry {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(createdAt, "createdAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts start at 1");
        }
    }
}
