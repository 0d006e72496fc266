package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.DomainException;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code /invite}: where the link in an invite mail lands. Like the verify page, a GET only
 * shows who invited whom to what (mail scanners fetch links and must not use them up); its
 * button POSTs the token back, which joins the event. It also offers the
 * {@code eventa://invite} link that opens the app instead.
 */
final class InvitePage {

    private final JoinEvent joinEvent;
    private final ClientAddresses clients;
    private final SignInGuard guard;

    InvitePage(JoinEvent joinEvent, ClientAddresses clients, SignInGuard guard) {
        this.joinEvent = joinEvent;
        this.clients = clients;
        this.guard = guard;
    }

    void register(JavalinConfig config) {
        config.routes.get("/invite", this::show);
        config.routes.post("/invite", this::accept);
    }

    private void show(Context ctx) {
        Optional<Secret> token = TokenLinks.token(ctx.queryParam("token"));
        if (token.isEmpty()) {
            incompleteLink(ctx);
            return;
        }
        try {
            JoinEvent.Invitation invitation = joinEvent.preview(token.get());
            String value = Html.escape(token.get().reveal());
            Html.send(ctx, 200, "You're invited", """
                    <h1>%s invited you to plan %s</h1>
                    <p>You would join as %s, with the address %s. Joining also signs you in to eventa.</p>
                    <form method="post" action="/invite">
                      <input type="hidden" name="token" value="%s">
                      <button type="submit">Join the event</button>
                    </form>
                    <a class="button secondary" href="eventa://invite?token=%s">Open in the eventa app</a>
                    <p class="fine">Not expecting this? Close this page; nothing happens until the button is pressed.</p>
                    """.formatted(Html.escape(invitation.inviter().value()), Html.escape(invitation.eventTitle()),
                    invitation.role().wireName(), Html.escape(invitation.email().value()), value, value));
        } catch (DomainException e) {
            unusable(ctx, e);
        }
    }

    private void accept(Context ctx) {
        guard.verifyFrom(clients.of(ctx));
        Optional<Secret> token = TokenLinks.token(ctx.formParam("token"));
        if (token.isEmpty()) {
            incompleteLink(ctx);
            return;
        }
        try {
            JoinEvent.Joined joined = joinEvent.accept(token.get(), Optional.empty());
            Html.send(ctx, 200, "Joined", """
                    <h1>You're in</h1>
                    <p>You have joined %s as %s. Open the eventa app and sign in with %s to start planning.</p>
                    <a class="button secondary" href="eventa://event?id=%s">Open in the eventa app</a>
                    """.formatted(Html.escape(joined.eventTitle()), joined.role().wireName(),
                    Html.escape(joined.signedIn().user().email().value()), joined.event()));
        } catch (DomainException e) {
            unusable(ctx, e);
        }
    }

    private static void unusable(Context ctx, DomainException e) {
        TokenLinks.unusable(ctx, e, "invite", "Ask the person who invited you to send a new invite.");
    }

    private static void incompleteLink(Context ctx) {
        TokenLinks.incomplete(ctx, "Open the whole link from the invite mail, or ask for a new invite.");
    }
}
