package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Work the outbox holds until it is done: something to send, or to decide whom to send to. */
public sealed interface OutboxItem {

    /** A mail to hand to the {@link Mailer}. */
    record SendMail(Mail mail) implements OutboxItem {
        public SendMail {
            Objects.requireNonNull(mail, "mail");
        }
    }

    /**
     * A write to {@code event} that others may need a push about: the worker decides who (every
     * member but {@code actor}, quiet for those online and those pushed about this event
     * moments ago) and adds one {@link Push} per device.
     *
     * @param shared   the notification everyone else got from this write, if any
     * @param personal the notifications addressed to one person each; these are pushed even
     *                 inside a coalescing window
     */
    record FanOut(EventId event, long seq, UserId actor, EntityType entityType, String entityId,
                  Optional<NotificationKind> shared, Map<UserId, NotificationKind> personal) implements OutboxItem {
        public FanOut {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(entityType, "entityType");
            Objects.requireNonNull(entityId, "entityId");
            Objects.requireNonNull(shared, "shared");
            personal = Map.copyOf(personal);
        }
    }

    /** One push to one of {@code user}'s devices. */
    record Push(UserId user, PushMessage message) implements OutboxItem {
        public Push {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(message, "message");
        }
    }
}
