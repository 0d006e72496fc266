package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everyone's notification lists. */
public interface Notifications {

    /** Stores {@code notification}, then keeps only its recipient's {@code keep} newest. */
    void add(Notification notification, int keep);

    /**
     * {@code recipient}'s notifications, newest first ({@code createdAt}, then id, descending),
     * at most {@code limit}; with {@code before}, only those after that one in this order.
     */
    List<Notification> of(UserId recipient, boolean unreadOnly, Optional<NotificationId> before, int limit);

    Optional<Notification> byId(UserId recipient, NotificationId id);

    long unreadCount(UserId recipient);

    /** Marks one read (if it is not already); false when {@code recipient} has none with this id. */
    boolean markRead(UserId recipient, NotificationId id, Instant at);

    /** Marks every unread notification of {@code recipient} read; returns how many. */
    int markAllRead(UserId recipient, Instant at);
}
