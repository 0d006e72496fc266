package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A person reads their notification list and marks it read. */
public interface ReadNotifications {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 200;

    /**
     * {@code user}'s notifications, newest first, in pages of {@code limit}: pass the last one's
     * id as {@code before} for the next page. Notifications about events the user has left are
     * not shown; invitations are.
     *
     * @throws eu.heapzilla.eventa.domain.error.InvalidValue naming {@code before} when it is none of theirs,
     *     or {@code limit} when it is not between 1 and {@link #MAX_LIMIT}
     */
    Page notifications(UserId user, boolean unreadOnly, Optional<NotificationId> before, int limit);

    /** @throws eu.heapzilla.eventa.domain.error.NotFound when {@code user} has no such notification */
    void markRead(UserId user, NotificationId id);

    /** @return how many were unread */
    int markAllRead(UserId user);

    /** One notification as a person reads it: its sentence, and the names it is made of as they are now. */
    record Shown(Notification notification, String text, String actorName, String eventTitle, String title) {
        public Shown {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(actorName, "actorName");
            Objects.requireNonNull(eventTitle, "eventTitle");
            Objects.requireNonNull(title, "title");
        }
    }

    /** @param unread how many of the user's notifications are unread in all; {@code hasMore}: another page follows */
    record Page(List<Shown> notifications, long unread, boolean hasMore) {
        public Page {
            notifications = List.copyOf(notifications);
        }
    }
}
