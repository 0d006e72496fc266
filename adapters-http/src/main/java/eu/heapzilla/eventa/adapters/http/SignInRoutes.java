package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.SignIn;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/auth}: ask for a sign-in link, trade its token for a bearer, sign out. */
final class SignInRoutes {

    record MagicLinkRequest(String email) {
    }

    record VerifyRequest(String token, String deviceLabel) {
    }

    record SignedInJson(String bearer, UserJson user) {

        static SignedInJson of(SignIn.SignedIn signedIn) {
            return new SignedInJson(signedIn.bearer().reveal(), UserJson.of(signedIn.user()));
        }
    }

    private final SignIn signIn;
    private final JsonBodies bodies;
    private final ClientAddresses clients;
    private final SignInGuard guard;

    SignInRoutes(SignIn signIn, JsonBodies bodies, ClientAddresses clients, SignInGuard guard) {
        this.signIn = signIn;
        this.bodies = bodies;
        this.clients = clients;
        this.guard = guard;
    }

    void register(JavalinConfig config) {
        config.routes.post("/api/v1/auth/magic-link", this::requestLink, Access.ANYONE);
        config.routes.post("/api/v1/auth/verify", this::verify, Access.ANYONE);
        config.routes.post("/api/v1/auth/logout", this::logout, Access.SIGNED_IN);
    }

    private void requestLink(Context ctx) {
        var client = clients.of(ctx);
        guard.linkRequestFrom(client);
        Email email = Email.of(bodies.read(ctx, MagicLinkRequest.class).email());
        guard.linkRequestFor(email);
        signIn.requestLink(email, client);
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("status", "accepted",
                "detail", "if this address can receive mail, a sign-in link is on its way; it works once, for 30 minutes"));
    }

    private void verify(Context ctx) {
        guard.verifyFrom(clients.of(ctx));
        VerifyRequest request = bodies.read(ctx, VerifyRequest.class);
        Secret token = Secret.parse("token", request.token());
        Optional<DeviceLabel> device = Optional.ofNullable(request.deviceLabel()).map(DeviceLabel::of);
        ctx.json(SignedInJson.of(signIn.verify(token, device)));
    }

    private void logout(Context ctx) {
        signIn.signOut(Authentication.bearer(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
