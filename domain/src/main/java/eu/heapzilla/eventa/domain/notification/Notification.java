package eu.heapzilla.eventa.domain.notification;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a person's notification list: {@code actor} did {@code kind} to an entity of
 * {@code event} at {@code seq} of its change log. {@code subject} is the entity's title when it
 * happened, shown when the entity has since gone; while it exists its current title is shown.
 */
public record Notification(NotificationId id, UserId recipient, EventId event, NotificationKind kind, UserId actor,
                           EntityType entityType, String entityId, long seq, String subject, String detail,
                           Instant createdAt, Optional<Instant> readAt) {

    /** How many notifications one person keeps; older ones make way. */
    public static final int MAX_PER_USER = 1_000;

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(readAt, "readAt");
    }

    public boolean isRead() {
        return readAt.isPresent();
    }

    public Notification read(Instant at) {
        return isRead() ? this : new Notification(id, recipient, event, kind, actor, entityType, entityId, seq, subject,
                detail, createdAt, Optional.of(at));
    }
}
