package eu.heapzilla.eventa.domain.change;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of an event's change log: the {@code seq}-th write to the event created, updated or
 * deleted one entity, leaving it at {@code version}. Per event, {@code seq} runs 1, 2, 3, …
 * without gaps, in commit order, so a client that remembers the last seq it saw catches up
 * exactly.
 *
 * @param entityId the entity's id on the wire (for a member, the user's id)
 */
public record Change(EventId event, long seq, EntityType entityType, String entityId, ChangeOp op, long version,
                     UserId actor, Instant at) {

    public Change {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }
}
