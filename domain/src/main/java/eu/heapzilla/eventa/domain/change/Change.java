package eu.heapzilla.eventa.domain.change;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an event's change log: the {@code seq}-th write to the event created, updated or
 * deleted one entity, leaving it at {@code version}. Per event, {@code seq} runs 1, 2, 3, …
 * without gaps, in commit order, so a client that remembers the last seq it saw catches up
 * exactly.
 *
 * @param entityId the entity's id on the wire (for a member, the user's id)
 * @param origin   the live connection the write came through, when the writer named one; it is
 *                 not echoed back there
 */
public record Change(EventId event, long seq, EntityType entityType, String entityId, ChangeOp op, long version,
                     UserId actor, Instant at, Optional<ConnectionId> origin) {

    public Change {
        Objects.requireNonNull(origin, "origin");
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

    /** A change made outside any live connection. */
    public Change(EventId event, long seq, EntityType entityType, String entityId, ChangeOp op, long version,
                  UserId actor, Instant at) {
        this(event, seq, entityType, entityId, op, version, actor, at, Optional.empty());
    }

    /** Whether this change was made by {@code user} through {@code connection}, so that connection already knows it. */
    public boolean madeThrough(ConnectionId connection, UserId user) {
        return origin.filter(connection::equals).isPresent() && actor.equals(user);
    }
}
