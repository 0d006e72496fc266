package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import eu.heapzilla.eventa.ports.in.PlanEvents.YourEvent;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/events}: start planning an event, list mine, read one (with its version as
 * the ETag), edit it from the version it was based on, delete it.
 */
final class EventRoutes {

    static final String EVENTS = "/api/v1/events";
    static final String EVENT = EVENTS + "/{" + PathIds.EVENT + "}";

    private final PlanEvents planEvents;
    private final JsonBodies bodies;

    EventRoutes(PlanEvents planEvents, JsonBodies bodies) {
        this.planEvents = planEvents;
        this.bodies = bodies;
    }

    void register(JavalinConfig config) {
        config.routes.post(EVENTS, this::create, Access.SIGNED_IN);
        config.routes.get(EVENTS, this::mine, Access.SIGNED_IN);
        config.routes.get(EVENT, this::show, Access.MEMBER);
        config.routes.patch(EVENT, this::edit, Access.EDITOR);
        config.routes.delete(EVENT, this::delete, Access.OWNER);
    }

    private void create(Context ctx) {
        YourEvent created = planEvents.plan(Authentication.userId(ctx), EventFields.brief(bodies.readObject(ctx)));
        ctx.header("Location", EVENTS + "/" + created.event().id());
        respond(ctx.status(HttpStatus.CREATED), created);
    }

    private void mine(Context ctx) {
        List<EventJson> events = planEvents.mine(Authentication.userId(ctx)).stream().map(EventJson::of).toList();
        ctx.json(Map.of("events", events));
    }

    private void show(Context ctx) {
        YourEvent event = planEvents.view(Authentication.userId(ctx), PathIds.event(ctx));
        if (!ETags.notModified(ctx, event.event().version())) {
            respond(ctx, event);
        }
    }

    private void edit(Context ctx) {
        EventId id = PathIds.event(ctx);
        EventFields.Edit edit = EventFields.edit(bodies.readObject(ctx));
        respond(ctx, planEvents.edit(Authentication.userId(ctx), id, edit.basedOn(), edit.edit()));
    }

    private void delete(Context ctx) {
        planEvents.delete(Authentication.userId(ctx), PathIds.event(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static void respond(Context ctx, YourEvent event) {
        ETags.set(ctx, event.event().version());
        ctx.json(EventJson.of(event));
    }
}
