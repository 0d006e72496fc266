package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.in.EditProfile;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import eu.heapzilla.eventa.ports.in.ViewProfile;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;

/** {@code /api/v1/me}: the signed-in person and the events they belong to. */
final class MeRoutes {

    record MeJson(UserJson user, List<MembershipJson> memberships) {
    }

    /** One event the person belongs to, and their role in it. */
    record MembershipJson(String eventId, String title, String role) {
    }

    record ProfilePatch(String displayName) {
    }

    private final ViewProfile viewProfile;
    private final EditProfile editProfile;
    private final PlanEvents planEvents;
    private final JsonBodies bodies;

    MeRoutes(ViewProfile viewProfile, EditProfile editProfile, PlanEvents planEvents, JsonBodies bodies) {
        this.viewProfile = viewProfile;
        this.editProfile = editProfile;
        this.planEvents = planEvents;
        this.bodies = bodies;
    }

    void register(JavalinConfig config) {
        config.routes.get("/api/v1/me", this::show, Access.SIGNED_IN);
        config.routes.patch("/api/v1/me", this::edit, Access.SIGNED_IN);
    }

    private void show(Context ctx) {
        ctx.json(me(viewProfile.profile(Authentication.userId(ctx))));
    }

    private void edit(Context ctx) {
        ProfilePatch patch = bodies.read(ctx, ProfilePatch.class);
        if (patch.displayName() == null) {
            throw new InvalidValue("display_name", "display_name is required");
        }
        ctx.json(me(editProfile.rename(Authentication.userId(ctx), DisplayName.of(patch.displayName()))));
    }

    private MeJson me(User user) {
        return new MeJson(UserJson.of(user), planEvents.mine(user.id()).stream()
                .map(yours -> new MembershipJson(yours.event().id().toString(), yours.event().brief().title(),
                        yours.role().wireName()))
                .toList());
    }
}
