package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import eu.heapzilla.eventa.domain.text.Ids;
import eu.heapzilla.eventa.ports.in.ReadNotifications;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/me/notifications}: the signed-in person's notification list, newest first, in
 * pages ({@code ?unread=true}, {@code ?before=<id>}, {@code ?limit=}), and marking it read.
 */
final class NotificationRoutes {

    static final String NOTIFICATIONS = "/api/v1/me/notifications";
    static final String READ = NOTIFICATIONS + "/{notification}/read";
    static final String READ_ALL = NOTIFICATIONS + "/read-all";

    record ActorJson(String userId, String displayName) {
    }

    record NotificationJson(String id, String kind, String text, String eventId, String eventTitle, String entityType,
                            String entityId, String title, long seq, ActorJson actor, Instant createdAt,
                            Optional<Instant> readAt) {

        static NotificationJson of(ReadNotifications.Shown shown) {
            Notification n = shown.notification();
            return new NotificationJson(n.id().toString(), n.kind().wireName(), shown.text(), n.event().toString(),
                    shown.eventTitle(), n.entityType().wireName(), n.entityId(), shown.title(), n.seq(),
                    new ActorJson(n.actor().toString(), shown.actorName()), n.createdAt(), n.readAt());
        }
    }

    record NotificationListJson(List<NotificationJson> notifications, long unreadCount, boolean hasMore) {
    }

    record MarkedJson(int markedRead) {
    }

    private final ReadNotifications notifications;

    NotificationRoutes(ReadNotifications notifications) {
        this.notifications = notifications;
    }

    void register(JavalinConfig config) {
        config.routes.get(NOTIFICATIONS, this::list, Access.SIGNED_IN);
        config.routes.post(READ, this::markRead, Access.SIGNED_IN);
        config.routes.post(READ_ALL, this::markAllRead, Access.SIGNED_IN);
    }

    private void list(Context ctx) {
        ReadNotifications.Page page = notifications.notifications(Authentication.userId(ctx), unreadOnly(ctx),
                before(ctx), limit(ctx));
        ctx.json(new NotificationListJson(page.notifications().stream().map(NotificationJson::of).toList(),
                page.unread(), page.hasMore()));
    }

    private void markRead(Context ctx) {
        notifications.markRead(Authentication.userId(ctx), NotificationId.fromPath(ctx.pathParam("notification")));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void markAllRead(Context ctx) {
        ctx.json(new MarkedJson(notifications.markAllRead(Authentication.userId(ctx))));
    }

    private static boolean unreadOnly(Context ctx) {
        String unread = ctx.queryParam("unread");
        if (unread == null || unread.equals("false")) {
            return false;
        }
        if (unread.equals("true")) {
            return true;
        }
        throw new InvalidValue("unread", "unread must be true or false");
    }

    private static Optional<NotificationId> before(Context ctx) {
        String before = ctx.queryParam("before");
        if (before == null) {
            return Optional.empty();
        }
        return Optional.of(Ids.canonical(before).map(NotificationId::new)
                .orElseThrow(() -> new InvalidValue("before", "before must be a notification id")));
    }

    private static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null) {
            return ReadNotifications.DEFAULT_LIMIT;
        }
        if (!limit.matches("\\d{1,4}")) {
            throw new InvalidValue("limit", "limit must be between 1 and " + ReadNotifications.MAX_LIMIT);
        }
        return Integer.parseInt(limit);
    }
}
