package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.DomainException;
import eu.heapzilla.eventa.ports.in.SignIn;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code /verify}: where the link in a sign-in mail lands. A GET only shows a page (mail
 * scanners fetch links, and must not use them up); its button POSTs the token back, which
 * signs in. The page also offers the {@code eventa://verify} link that opens the app instead.
 */
final class VerifyPage {

    private final SignIn signIn;
    private final ClientAddresses clients;
    private final SignInGuard guard;

    VerifyPage(SignIn signIn, ClientAddresses clients, SignInGuard guard) {
        this.signIn = signIn;
        this.clients = clients;
        this.guard = guard;
    }

    void register(JavalinConfig config) {
        config.routes.get("/verify", this::show);
        config.routes.post("/verify", this::signIn);
    }

    private void show(Context ctx) {
        Optional<Secret> token = TokenLinks.token(ctx.queryParam("token"));
        if (token.isEmpty()) {
            incompleteLink(ctx);
            return;
        }
        String value = Html.escape(token.get().reveal());
        Html.send(ctx, 200, "Sign in", """
                <h1>Sign in to eventa</h1>
                <p>Tap the button to finish signing in. The link works once, within 30 minutes of being sent.</p>
                <form method="post" action="/verify">
                  <input type="hidden" name="token" value="%s">
                  <button type="submit">Sign in</button>
                </form>
                <a class="button secondary" href="eventa://verify?token=%s">Open in the eventa app</a>
                <p class="fine">If you did not ask to sign in, close this page; nothing happens until the button is pressed.</p>
                """.formatted(value, value));
    }

    private void signIn(Context ctx) {
        guard.verifyFrom(clients.of(ctx));
        Optional<Secret> token = TokenLinks.token(ctx.formParam("token"));
        if (token.isEmpty()) {
            incompleteLink(ctx);
            return;
        }
        try {
            SignIn.SignedIn signedIn = signIn.verify(token.get(), Optional.empty());
            Html.send(ctx, 200, "Signed in", """
                    <h1>You're signed in</h1>
                    <p>Welcome, %s. You can close this page and carry on planning in eventa.</p>
                    """.formatted(Html.escape(signedIn.user().email().value())));
        } catch (DomainException e) {
            TokenLinks.unusable(ctx, e, "sign-in link", "Ask for a new sign-in link in the eventa app; it arrives within a minute.");
        }
    }

    private static void incompleteLink(Context ctx) {
        TokenLinks.incomplete(ctx, "Open the whole link from the sign-in mail, or ask for a new one in the eventa app.");
    }
}
