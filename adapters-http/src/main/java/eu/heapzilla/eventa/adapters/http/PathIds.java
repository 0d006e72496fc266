package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.domain.member.UserId;
import io.javalin.http.Context;

/** The ids in a route's path. A malformed id names nothing, so it is a 404 like an unknown one. */
final class PathIds {

    static final String EVENT = "event";
    static final String USER = "user";
    static final String INVITE = "invite";

    private PathIds() {
    }

    static EventId event(Context ctx) {
        return EventId.fromPath(ctx.pathParam(EVENT));
    }

    static InviteId invite(Context ctx) {
        return InviteId.fromPath(ctx.pathParam(INVITE));
    }

    static UserId user(Context ctx) {
        try {
            return UserId.parse(USER, ctx.pathParam(USER));
        } catch (InvalidValue e) {
            throw new NotFound("member");
        }
    }
}
