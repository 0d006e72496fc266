package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.InviteMembers;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/events/{event}/invites}: owners and editors invite people by email, see the
 * open invites and withdraw them; {@code /api/v1/invites/{token}/accept} is where the app
 * trades an invite's token for membership and a bearer. Each event may have only so many
 * invites a day ({@link ApiLimits#invitesPerEvent()}); one over is refused before anything is
 * stored or mailed.
 */
final class InviteRoutes {

    static final String INVITES = EventRoutes.EVENT + "/invites";
    static final String INVITE = INVITES + "/{" + PathIds.INVITE + "}";
    static final String ACCEPT = "/api/v1/invites/{token}/accept";

    record InviteRequest(String email, String role) {
    }

    record AcceptRequest(String deviceLabel) {
    }

    record InviteJson(String id, String eventId, String email, String role, String status, String invitedBy,
                      Instant createdAt, Instant expiresAt, long version) {

        static InviteJson of(InviteMembers.InviteState state) {
            Invite invite = state.invite();
            return new InviteJson(invite.id().toString(), invite.event().toString(), invite.email().value(),
                    invite.role().wireName(), state.status().wireName(), invite.invitedBy().toString(),
                    invite.createdAt(), invite.expiresAt(), invite.version());
        }
    }

    record JoinedJson(String bearer, UserJson user, MeRoutes.MembershipJson membership) {

        static JoinedJson of(JoinEvent.Joined joined) {
            return new JoinedJson(joined.signedIn().bearer().reveal(), UserJson.of(joined.signedIn().user()),
                    new MeRoutes.MembershipJson(joined.event().toString(), joined.eventTitle(), joined.role().wireName()));
        }
    }

    private final InviteMembers inviteMembers;
    private final JoinEvent joinEvent;
    private final JsonBodies bodies;
    private final ClientAddresses clients;
    private final SignInGuard guard;
    private final ApiGuard apiGuard;

    InviteRoutes(InviteMembers inviteMembers, JoinEvent joinEvent, JsonBodies bodies, ClientAddresses clients,
                 SignInGuard guard, ApiGuard apiGuard) {
        this.inviteMembers = inviteMembers;
        this.joinEvent = joinEvent;
        this.bodies = bodies;
        this.clients = clients;
        this.guard = guard;
        this.apiGuard = apiGuard;
    }

    void register(JavalinConfig config) {
        config.routes.post(INVITES, this::invite, Access.EDITOR);
        config.routes.get(INVITES, this::list, Access.MEMBER);
        config.routes.delete(INVITE, this::revoke, Access.EDITOR);
        config.routes.post(ACCEPT, this::accept, Access.ANYONE);
    }

    private void invite(Context ctx) {
        var event = PathIds.event(ctx);
        InviteRequest request = bodies.read(ctx, InviteRequest.class);
        Email email = Email.of(request.email());
        Role role = request.role() == null ? Role.EDITOR : Role.parse("role", request.role());
        UserId inviter = Authentication.userId(ctx);
        InviteMembers.InviteState created;
        try {
            created = apiGuard.invite(event, () -> inviteMembers.invite(inviter, event, email, role));
        } catch (TooManyRequests limited) {
            // Someone who is not a member learns nothing of the event, not even that its invites ran out.
            inviteMembers.invites(inviter, event);
            throw limited;
        }
        ctx.status(HttpStatus.CREATED).json(InviteJson.of(created));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("invites", inviteMembers.invites(Authentication.userId(ctx), PathIds.event(ctx)).stream()
                .map(InviteJson::of).toList()));
    }

    private void revoke(Context ctx) {
        inviteMembers.revoke(Authentication.userId(ctx), PathIds.event(ctx), PathIds.invite(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void accept(Context ctx) {
        guard.verifyFrom(clients.of(ctx));
        Secret token = tokenOf(ctx.pathParam("token"));
        Optional<DeviceLabel> device = JsonBodies.hasNoBody(ctx) ? Optional.empty()
                : Optional.ofNullable(bodies.read(ctx, AcceptRequest.class).deviceLabel()).map(DeviceLabel::of);
        ctx.json(JoinedJson.of(joinEvent.accept(token, device)));
    }

    /** A token that is not even shaped like one names no invite. */
    private static Secret tokenOf(String text) {
        try {
            return Secret.parse("token", text);
        } catch (InvalidValue e) {
            throw new NotFound("invite");
        }
    }
}
