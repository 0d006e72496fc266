package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.ports.in.ReadNotifications;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Guests;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Notifications;
import eu.heapzilla.eventa.ports.out.Tasks;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The notification list, worded with the names as they are now: the actor's current display
 * name, the event's current title, the task's or guest's current title (the one it had when
 * it happened, once it is gone). Notifications about events the reader has left are skipped.
 */
final class NotificationReading implements ReadNotifications {

    private final Transactions transactions;
    private final Clock clock;
    private final Notifications notifications;
    private final Memberships memberships;
    private final Users users;
    private final Events events;
    private final Tasks tasks;
    private final Guests guests;

    NotificationReading(Transactions transactions, Clock clock, Notifications notifications, Memberships memberships,
                        Users users, Events events, Tasks tasks, Guests guests) {
        this.transactions = transactions;
        this.clock = clock;
        this.notifications = notifications;
        this.memberships = memberships;
        this.users = users;
        this.events = events;
        this.tasks = tasks;
        this.guests = guests;
    }

    @Override
    public Page notifications(UserId user, boolean unreadOnly, Optional<NotificationId> before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return transactions.inTransaction(() -> {
            before.ifPresent(cursor -> notifications.byId(user, cursor)
                    .orElseThrow(() -> new InvalidValue("before", "before must be the id of one of your notifications")));
            Wording wording = new Wording();
            List<Shown> shown = new ArrayList<>();
            Optional<NotificationId> cursor = before;
            boolean more = true;
            while (shown.size() <= limit && more) {
                List<Notification> page = notifications.of(user, unreadOnly, cursor, limit + 1);
                more = page.size() == limit + 1;
                for (Notification notification : page) {
                    cursor = Optional.of(notification.id());
                    wording.shown(user, notification).ifPresent(shown::add);
                    if (shown.size() > limit) {
                        break;
                    }
                }
            }
            boolean hasMore = shown.size() > limit;
            return new Page(hasMore ? shown.subList(0, limit) : shown, notifications.unreadCount(user), hasMore);
        });
    }

    @Override
    public void markRead(UserId user, NotificationId id) {
        if (!transactions.inTransaction(() -> notifications.markRead(user, id, clock.now()))) {
            throw new NotFound("notification");
        }
    }

    @Override
    public int markAllRead(UserId user) {
        return transactions.inTransaction(() -> notifications.markAllRead(user, clock.now()));
    }

    /** Looks names up once per request. */
    private final class Wording {

        private final Map<UserId, String> names = new HashMap<>();
        private final Map<EventId, Optional<Event>> eventsById = new HashMap<>();
        private final Map<EventId, Boolean> membership = new HashMap<>();

        Optional<Shown> shown(UserId reader, Notification notification) {
            Optional<Event> event = eventsById.computeIfAbsent(notification.event(), events::byId);
            boolean visible = notification.kind() == NotificationKind.INVITED || membership.computeIfAbsent(
                    notification.event(), id -> memberships.of(id, reader).isPresent());
            if (event.isEmpty() || !visible) {
                return Optional.empty();
            }
            String actor = names.computeIfAbsent(notification.actor(),
                    id -> users.byId(id).map(user -> user.displayName().value()).orElse("Someone"));
            String eventTitle = event.get().brief().title();
            String title = currentTitle(notification).orElse(notification.subject());
            String text = notification.kind().text(actor, title, eventTitle, notification.detail());
            return Optional.of(new Shown(notification, text, actor, eventTitle, title));
        }

        private Optional<String> currentTitle(Notification notification) {
            EventId event = notification.event();
            UUID id = UUID.fromString(notification.entityId());
            if (notification.entityType() == EntityType.TASK) {
                return tasks.byId(event, new TaskId(id)).map(task -> task.details().title());
            }
            if (notification.entityType() == EntityType.GUEST) {
                return guests.byId(event, new GuestId(id)).map(guest -> guest.details().name());
            }
            if (notification.entityType() == EntityType.INVITE || notification.entityType() == EntityType.EVENT) {
                return events.byId(event).map(found -> found.brief().title());
            }
            if (notification.entityType() == EntityType.MEMBER) {
                return users.byId(new UserId(id)).map(user -> user.displayName().value());
            }
            return Optional.empty();
        }
    }
}
