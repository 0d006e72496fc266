package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.ports.in.SeePresence;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/v1/events/{event}/presence}: who has the event open now, and when the others were last there. */
final class PresenceRoutes {

    static final String PRESENCE = EventRoutes.EVENT + "/presence";

    record PresenceJson(String userId, boolean online, Optional<Instant> lastSeenAt) {

        static PresenceJson of(MemberPresence presence) {
            return new PresenceJson(presence.user().toString(), presence.online(), presence.lastSeen());
        }
    }

    record PresenceListJson(List<PresenceJson> presence) {
    }

    private final SeePresence seePresence;

    PresenceRoutes(SeePresence seePresence) {
        this.seePresence = seePresence;
    }

    void register(JavalinConfig config) {
        config.routes.get(PRESENCE, this::presence, Access.MEMBER);
    }

    private void presence(Context ctx) {
        List<MemberPresence> members = seePresence.presence(Authentication.userId(ctx), PathIds.event(ctx));
        ctx.json(new PresenceListJson(members.stream().map(PresenceJson::of).toList()));
    }
}
