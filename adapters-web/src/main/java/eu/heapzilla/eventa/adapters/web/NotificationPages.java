package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.notification.Notification;
import eu.heapzilla.eventa.domain.notification.NotificationId;
import eu.heapzilla.eventa.ports.in.ReadNotifications;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The signed-in person's notifications, newest first, a page at a time ({@code ?before=<id>}),
 * all or only the unread ones ({@code ?unread=true}); marking one or all of them read.
 */
final class NotificationPages {

    static final int PAGE_SIZE = 20;

    private final WebApp app;

    NotificationPages(WebApp app) {
        this.app = app;
    }

    void register() {
        app.get("/notifications", this::list);
        app.post("/notifications/read-all", this::readAll);
        app.post("/notifications/{id}/read", this::read);
    }

    private void list(Visit visit) {
        boolean unreadOnly = visit.query("unread").map("true"::equals).orElse(false);
        Optional<NotificationId> before = visit.query("before").map(NotificationId::fromPath);
        ReadNotifications.Page page = app.ports().readNotifications().notifications(visit.user(), unreadOnly, before, PAGE_SIZE);
        Map<EventId, ZoneId> mine = app.ports().planEvents().mine(visit.user()).stream()
                .collect(Collectors.toMap(e -> e.event().id(), e -> e.event().brief().timezone()));
        Instant now = Instant.now();
        List<Row> rows = page.notifications().stream().map(shown -> row(visit, shown, mine, now)).toList();
        String filter = unreadOnly ? "&unread=true" : "";
        Optional<String> older = page.hasMore() && !rows.isEmpty()
                ? Optional.of("/notifications?before=" + rows.get(rows.size() - 1).id() + filter) : Optional.empty();
        String here = "/notifications" + (before.isPresent() ? "?before=" + before.get() + filter
                : unreadOnly ? "?unread=true" : "");
        visit.render("notifications.jte", new NotificationsView(visit.chrome("Notifications"), rows, page.unread(), unreadOnly,
                before.isPresent(), older, here));
    }

    private static Row row(Visit visit, ReadNotifications.Shown shown, Map<EventId, ZoneId> mine, Instant now) {
        Notification n = shown.notification();
        ZoneId zone = mine.getOrDefault(n.event(), ZoneOffset.UTC);
        Optional<String> link = mine.containsKey(n.event())
                ? Optional.of("/events/" + n.event() + page(n.entityType())) : Optional.empty();
        return new Row(n.id().toString(), shown.text(), shown.eventTitle(), link, visit.formats.ago(n.createdAt(), now, zone),
                n.createdAt().toString(), !n.isRead());
    }

    /** Where in an event a notification about {@code type} is seen. */
    private static String page(EntityType type) {
        return switch (type) {
            case GUEST, HOUSEHOLD -> "/guests";
            case TASK -> "/tasks";
            case BUDGET_ITEM, RECEIPT -> "/budget";
            case MEMBER, INVITE -> "/members";
            case EVENT -> "";
        };
    }

    private void read(Visit visit) {
        NotificationId id = NotificationId.fromPath(visit.ctx.pathParam("id"));
        app.ports().readNotifications().markRead(visit.user(), id);
        visit.redirect(back(visit.raw("back")));
    }

    private void readAll(Visit visit) {
        int marked = app.ports().readNotifications().markAllRead(visit.user());
        visit.redirect("/notifications?notice=" + Visit.encode(marked == 0 ? "Nothing was unread."
                : Formats.count(marked, "notification", "notifications") + " marked read."));
    }

    /** The list page a form came from, never another site or page. */
    private static String back(String sent) {
        return sent.matches("/notifications(\\?[A-Za-z0-9=&_-]*)?") ? sent : "/notifications";
    }

    /** One notification: its sentence, the event, where to look, when, and whether it is new. */
    record Row(String id, String text, String eventTitle, Optional<String> link, String when, String at, boolean unread) {
    }

    /**
     * @param paged whether this is an older page (not the newest)
     * @param here  this page's address, where a marked row comes back
     */
    record NotificationsView(Chrome chrome, List<Row> rows, long unread, boolean unreadOnly, boolean paged,
                             Optional<String> older, String here) {
    }
}
