package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import java.util.Objects;
import java.util.Optional;

/**
 * What a write wants people told: a notification of {@code kind} about one entity, to one
 * person ({@code to}) or to every member but the writer.
 *
 * @param subject the entity's title now, kept for when the entity is gone
 * @param detail  what the kind's copy adds ({@code {detail}}), or empty text
 */
record Notice(NotificationKind kind, Optional<UserId> to, EntityType entityType, String entityId, String subject,
              String detail) {

    Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        if (to.isPresent() != (kind.audience() == NotificationKind.Audience.ONE_PERSON)) {
            throw new IllegalArgumentException(kind + " is for " + kind.audience());
        }
    }

    static Notice everyoneElse(NotificationKind kind, EntityType type, String entityId, String subject, String detail) {
        return new Notice(kind, Optional.empty(), type, entityId, subject, detail);
    }

    static Notice to(UserId person, NotificationKind kind, EntityType type, String entityId, String subject) {
        return new Notice(kind, Optional.of(person), type, entityId, subject, "");
    }
}
