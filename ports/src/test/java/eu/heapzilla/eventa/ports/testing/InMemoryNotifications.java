package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import eu.heapzilla.eventa.ports.out.Notifications;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link Notifications} in a map keyed by id. */
public final class InMemoryNotifications extends InMemoryTable<NotificationId, Notification> implements Notifications {

    private static final Comparator<Notification> NEWEST_FIRST = Comparator.comparing(Notification::createdAt)
            .thenComparing(notification -> notification.id().value().toString())
            .reversed();

    public InMemoryNotifications(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public void add(Notification notification, int keep) {
        transactions.run(() -> {
            insert(notification.id(), notification);
            of(notification.recipient()).skip(keep).toList().forEach(old -> rows.remove(old.id()));
        });
    }

    @Override
    public List<Notification> of(UserId recipient, boolean unreadOnly, Optional<NotificationId> before, int limit) {
        return transactions.inTransaction(() -> {
            Optional<Notification> cursor = before.map(rows::get);
            return of(recipient)
                    .filter(notification -> !unreadOnly || !notification.isRead())
                    .filter(notification -> cursor.map(c -> NEWEST_FIRST.compare(notification, c) > 0).orElse(true))
                    .limit(limit)
                    .toList();
        });
    }

    @Override
    public Optional<Notification> byId(UserId recipient, NotificationId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id))
                .filter(notification -> notification.recipient().equals(recipient)));
    }

    @Override
    public long unreadCount(UserId recipient) {
        return transactions.inTransaction(() -> of(recipient).filter(notification -> !notification.isRead()).count());
    }

    @Override
    public boolean markRead(UserId recipient, NotificationId id, Instant at) {
        return transactions.inTransaction(() -> byId(recipient, id).map(found -> {
            rows.put(id, found.read(at));
            return true;
        }).orElse(false));
    }

    @Override
    public int markAllRead(UserId recipient, Instant at) {
        return transactions.inTransaction(() -> {
            List<Notification> unread = of(recipient).filter(notification -> !notification.isRead()).toList();
            unread.forEach(notification -> rows.put(notification.id(), notification.read(at)));
            return unread.size();
        });
    }

    /** Forgets the notifications of a deleted event, as the database's cascade does. */
    void removeEvent(EventId event) {
        rows.values().removeIf(notification -> notification.event().equals(event));
    }

    /** Every stored notification, for tests. */
    public List<Notification> all() {
        return transactions.inTransaction(() -> List.copyOf(rows.values()));
    }

    private Stream<Notification> of(UserId recipient) {
        return rows.values().stream().filter(notification -> notification.recipient().equals(recipient))
                .sorted(NEWEST_FIRST);
    }
}
