package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/events/{event}/changes?since=N&limit=M}: catching up from a cursor. */
final class ChangeRoutes {

    static final String CHANGES = EventRoutes.EVENT + "/changes";

    record ChangeJson(String eventId, long seq, String entityType, String entityId, String op, long version,
                      String actorId, Instant at) {

        static ChangeJson of(Change change) {
            return new ChangeJson(change.event().toString(), change.seq(), change.entityType().wireName(),
                    change.entityId(), change.op().wireName(), change.version(), change.actor().toString(), change.at());
        }
    }

    record ChangesJson(List<ChangeJson> changes, long cursor, boolean hasMore) {
    }

    private final FollowChanges followChanges;

    ChangeRoutes(FollowChanges followChanges) {
        this.followChanges = followChanges;
    }

    void register(JavalinConfig config) {
        config.routes.get(CHANGES, this::changes, Access.MEMBER);
    }

    private void changes(Context ctx) {
        var event = PathIds.event(ctx);
        long since = number(ctx, "since", 0);
        // Clamped, not cast: a huge limit must stay huge for the use case to refuse it.
        int limit = (int) Math.min(number(ctx, "limit", FollowChanges.DEFAULT_LIMIT), Integer.MAX_VALUE);
        FollowChanges.ChangePage page = followChanges.changesSince(Authentication.userId(ctx), event, since, limit);
        ctx.json(new ChangesJson(page.changes().stream().map(ChangeJson::of).toList(), page.cursor(), page.hasMore()));
    }

    private static long number(Context ctx, String name, long fallback) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        if (!text.matches("\\d{1,18}")) {
            throw new InvalidValue(name, name + " must be a whole number of at least 0");
        }
        return Long.parseLong(text);
    }
}
