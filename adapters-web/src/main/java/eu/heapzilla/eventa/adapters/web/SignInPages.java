package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import eu.heapzilla.eventa.ports.in.SignIn;
import java.util.Optional;

/**
 * Signing a browser in and out: the address form, the page behind the mailed link ({@code /verify},
 * whose button signs this browser in), the page behind an invite ({@code /invite}, whose button
 * joins and signs in), and signing out. A GET of a mailed link never uses it up: mail scanners
 * fetch links. After signing in the address bar holds no token.
 */
final class SignInPages {

    private final WebApp app;

    SignInPages(WebApp app) {
        this.app = app;
    }

    void register() {
        app.get("/", this::home);
        app.get("/signin", visit -> showForm(visit, 200, "", Optional.empty()));
        app.post("/signin", this::requestLink);
        app.get("/verify", this::showVerify);
        app.post("/verify", this::verify);
        app.get("/invite", this::showInvite);
        app.post("/invite", this::join);
        app.post("/signout", this::signOut);
    }

    private void home(Visit visit) {
        if (visit.signedIn()) {
            visit.redirect("/events");
        } else {
            showForm(visit, 200, "", Optional.empty());
        }
    }

    private void showForm(Visit visit, int status, String email, Optional<String> error) {
        visit.render(status, "signin.jte", new SignInView(visit.chrome("Sign in"), email, error, false));
    }

    private void requestLink(Visit visit) {
        String typed = visit.raw("email").strip();
        Email email;
        try {
            email = Email.of(typed);
        } catch (InvalidValue e) {
            showForm(visit, 400, typed, Optional.of("Please enter your whole email address, like jane@example.org."));
            return;
        }
        app.throttle().linkFrom(visit.client().value());
        app.throttle().linkFor(email.value());
        app.ports().signIn().requestLink(email, visit.client());
        visit.render("signin.jte", new SignInView(visit.chrome("Check your mail"), email.value(), Optional.empty(), true));
    }

    private void showVerify(Visit visit) {
        Optional<Secret> token = token(visit.ctx.queryParam("token"));
        if (token.isEmpty()) {
            throw incomplete("Open the whole link from the sign-in mail, or ask for a new one.");
        }
        visit.render("link.jte", new LinkView(visit.chrome("Sign in"), "/verify", token.get().reveal(), "Sign in to eventa",
                "Press the button to finish signing in on this browser. The link works once, within 30 minutes of being sent.",
                "Sign in", "eventa://verify?token=" + token.get().reveal()));
    }

    private void verify(Visit visit) {
        app.throttle().verifyFrom(visit.client().value());
        Secret token = token(visit.ctx.formParam("token"))
                .orElseThrow(() -> incomplete("Open the whole link from the sign-in mail, or ask for a new one."));
        SignIn.SignedIn signedIn;
        try {
            signedIn = app.ports().signIn().verify(token, Optional.of(DeviceLabel.of(browserLabel(visit))));
        } catch (NotFound | Gone e) {
            throw unusable(e, "sign-in link", "Ask for a new sign-in link; it arrives within a minute.");
        }
        switchSession(visit, signedIn.bearer());
        visit.redirect("/events");
    }

    private void showInvite(Visit visit) {
        Optional<Secret> token = token(visit.ctx.queryParam("token"));
        if (token.isEmpty()) {
            throw incomplete("Open the whole link from the invite mail, or ask for a new invite.");
        }
        JoinEvent.Invitation invitation;
        try {
            invitation = app.ports().joinEvent().preview(token.get());
        } catch (NotFound | Gone e) {
            throw unusable(e, "invite", "Ask the person who invited you to send a new invite.");
        }
        visit.render("link.jte", new LinkView(visit.chrome("You're invited"), "/invite", token.get().reveal(),
                invitation.inviter().value() + " invited you to plan " + invitation.eventTitle(),
                "You would join as " + invitation.role().wireName() + ", with the address " + invitation.email().value()
                        + ". Joining also signs this browser in to eventa.",
                "Join the event", "eventa://invite?token=" + token.get().reveal()));
    }

    private void join(Visit visit) {
        app.throttle().verifyFrom(visit.client().value());
        Secret token = token(visit.ctx.formParam("token"))
                .orElseThrow(() -> incomplete("Open the whole link from the invite mail, or ask for a new invite."));
        JoinEvent.Joined joined;
        try {
            joined = app.ports().joinEvent().accept(token, Optional.of(DeviceLabel.of(browserLabel(visit))));
        } catch (NotFound | Gone e) {
            throw unusable(e, "invite", "Ask the person who invited you to send a new invite.");
        }
        switchSession(visit, joined.signedIn().bearer());
        visit.redirect("/events/" + joined.event());
    }

    private void signOut(Visit visit) {
        if (visit.signedIn()) {
            app.ports().signIn().signOut(visit.session().bearer());
        }
        app.sessions().forget(visit.ctx);
        visit.redirect("/signin?notice=" + Visit.encode("You are signed out."));
    }

    /** The new bearer becomes this browser's session; the one it had before is signed out. */
    private void switchSession(Visit visit, Secret bearer) {
        if (visit.signedIn()) {
            app.ports().signIn().signOut(visit.session().bearer());
        }
        app.sessions().start(visit.ctx, bearer);
    }

    private static String browserLabel(Visit visit) {
        String agent = Optional.ofNullable(visit.ctx.header("User-Agent")).orElse("");
        String browser = agent.contains("Firefox/") ? "Firefox" : agent.contains("Edg/") ? "Edge"
                : agent.contains("Chrome/") ? "Chrome" : agent.contains("Safari/") ? "Safari" : "a browser";
        return "Web: " + browser;
    }

    private static Optional<Secret> token(String text) {
        try {
            return Optional.of(Secret.parse("token", text));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static Refused incomplete(String advice) {
        return new Refused(400, "This link is incomplete", advice);
    }

    private static Refused unusable(RuntimeException e, String what, String advice) {
        boolean gone = e instanceof Gone;
        return new Refused(gone ? 410 : 404, "This " + what + " can't be used",
                (gone ? ((Gone) e).detail() : "This " + what + " is not known.") + " " + advice);
    }

    record SignInView(Chrome chrome, String email, Optional<String> error, boolean sent) {
    }

    /** The page behind a mailed link: what pressing its button does, and the app's deep link instead. */
    record LinkView(Chrome chrome, String action, String token, String heading, String text, String button, String appLink) {
    }
}
