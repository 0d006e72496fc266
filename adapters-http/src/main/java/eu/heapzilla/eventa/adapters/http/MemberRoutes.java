package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.ports.in.ManageMembers;
import eu.heapzilla.eventa.ports.in.ManageMembers.Member;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Map;

/**
 * {@code /api/v1/events/{event}/members}: who plans the event; owners change roles and remove
 * people, and anyone may remove themselves (leave).
 */
final class MemberRoutes {

    static final String MEMBERS = EventRoutes.EVENT + "/members";
    static final String MEMBER = MEMBERS + "/{" + PathIds.USER + "}";

    record MemberJson(String userId, String displayName, String email, String role, Instant joinedAt, long version) {

        static MemberJson of(Member member) {
            return new MemberJson(member.user().id().toString(), member.user().displayName().value(),
                    member.user().email().value(), member.membership().role().wireName(), member.membership().joinedAt(),
                    member.membership().version());
        }
    }

    record RoleChange(String role) {
    }

    private final ManageMembers manageMembers;
    private final JsonBodies bodies;

    MemberRoutes(ManageMembers manageMembers, JsonBodies bodies) {
        this.manageMembers = manageMembers;
        this.bodies = bodies;
    }

    void register(JavalinConfig config) {
        config.routes.get(MEMBERS, this::list, Access.MEMBER);
        config.routes.patch(MEMBER, this::changeRole, Access.OWNER);
        // Owners remove anyone; any member may also remove themselves, which the use case allows.
        config.routes.delete(MEMBER, this::remove, Access.OWNER);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("members", manageMembers.members(Authentication.userId(ctx), PathIds.event(ctx)).stream()
                .map(MemberJson::of).toList()));
    }

    private void changeRole(Context ctx) {
        var event = PathIds.event(ctx);
        var user = PathIds.user(ctx);
        RoleChange change = bodies.read(ctx, RoleChange.class);
        if (change.role() == null) {
            throw new InvalidValue("role", "role is required");
        }
        Role role = Role.parse("role", change.role());
        ctx.json(MemberJson.of(manageMembers.changeRole(Authentication.userId(ctx), event, user, role)));
    }

    private void remove(Context ctx) {
        manageMembers.remove(Authentication.userId(ctx), PathIds.event(ctx), PathIds.user(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
