package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.timeline.Timeline;
import eu.heapzilla.eventa.domain.timeline.TimelineBucket;
import eu.heapzilla.eventa.ports.in.KeepChecklist;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/events/{e}/timeline?tz=Area/City&today=YYYY-MM-DD}: the tasks not done,
 * bucketed by when they are due, and the recently done; seen from the event's time zone and
 * today's date there unless the viewer says otherwise.
 */
final class TimelineRoutes {

    static final String TIMELINE = EventRoutes.EVENT + "/timeline";

    private final KeepChecklist checklist;

    TimelineRoutes(KeepChecklist checklist) {
        this.checklist = checklist;
    }

    void register(JavalinConfig config) {
        config.routes.get(TIMELINE, this::show, Access.MEMBER);
    }

    private static ZoneId zone(String text) {
        try {
            return EventBrief.timezone(text);
        } catch (InvalidValue e) {
            throw new InvalidValue("tz", "tz must be an IANA time-zone id such as Europe/Vienna");
        }
    }

    private void show(Context ctx) {
        Optional<ZoneId> zone = Optional.ofNullable(ctx.queryParam("tz")).map(TimelineRoutes::zone);
        Optional<LocalDate> today = Optional.ofNullable(ctx.queryParam("today")).map(text -> TaskRoutes.date("today", text));
        Timeline timeline = checklist.timeline(Authentication.userId(ctx), PathIds.event(ctx), zone, today);
        Map<String, List<TaskRoutes.TaskJson>> buckets = new LinkedHashMap<>();
        for (TimelineBucket bucket : TimelineBucket.values()) {
            buckets.put(bucket.wireName(), timeline.buckets().get(bucket).stream().map(TaskRoutes.TaskJson::of).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("today", timeline.today());
        body.put("timezone", timeline.zone().getId());
        body.put("buckets", buckets);
        ctx.json(body);
    }
}
