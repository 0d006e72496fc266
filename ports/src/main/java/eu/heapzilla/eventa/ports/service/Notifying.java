package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Notifications;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of a write, inside its transaction: the notifications it makes go into their
 * recipients' lists, and one {@link OutboxItem.FanOut} goes into the outbox, from which the
 * worker pushes the other members' devices after commit.
 */
final class Notifying {

    private final Memberships memberships;
    private final Notifications notifications;
    private final Outbox outbox;

    Notifying(Memberships memberships, Notifications notifications, Outbox outbox) {
        this.memberships = memberships;
        this.notifications = notifications;
        this.outbox = outbox;
    }

    /**
     * Records {@code notices} of a write by {@code actor} that took the event to {@code seq};
     * {@code entityType}/{@code entityId} is what the push names when no notice does.
     */
    void written(EventId event, long seq, UserId actor, Instant now, List<Notice> notices, EntityType entityType,
                 String entityId) {
        Optional<NotificationKind> shared = Optional.empty();
        Map<UserId, NotificationKind> personal = new LinkedHashMap<>();
        List<UserId> everyoneElse = null;
        for (Notice notice : notices) {
            List<UserId> recipients;
            if (notice.to().isPresent()) {
                recipients = notice.to().filter(person -> !person.equals(actor)).stream().toList();
                recipients.forEach(person -> personal.putIfAbsent(person, notice.kind()));
            } else {
                if (everyoneElse == null) {
                    everyoneElse = memberships.ofEvent(event).stream().map(Membership::user)
                            .filter(member -> !member.equals(actor)).toList();
                }
                recipients = everyoneElse;
                shared = shared.or(() -> Optional.of(notice.kind()));
            }
            for (UserId recipient : recipients) {
                notifications.add(new Notification(NotificationId.random(), recipient, event, notice.kind(), actor,
                        notice.entityType(), notice.entityId(), seq, notice.subject(), notice.detail(), now,
                        Optional.empty()), Notification.MAX_PER_USER);
            }
        }
        Optional<Notice> named = notices.stream().findFirst();
        outbox.add(new OutboxItem.FanOut(event, seq, actor,
                named.map(Notice::entityType).orElse(entityType), named.map(Notice::entityId).orElse(entityId),
                shared, personal), now);
    }
}
