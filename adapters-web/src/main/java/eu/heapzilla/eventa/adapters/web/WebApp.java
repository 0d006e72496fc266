package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.DomainException;
import eu.heapzilla.eventa.domain.error.Forbidden;
import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.error.TooLarge;
import eu.heapzilla.eventa.domain.error.Unavailable;
import eu.heapzilla.eventa.domain.error.UnsupportedMediaType;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web app's entry point: build it with the use cases and settings, then {@link #mount} it on
 * the server's Javalin configuration. Every page runs through {@link #page}, which reads the
 * session, sets the pages' headers, checks forms against forgery and turns every refusal into an
 * error page: nothing a browser sends ends in a 500 or in JSON.
 */
public final class WebApp {

    /** The session cookie, which the live endpoint also accepts from this site's pages. */
    public static final String SESSION_COOKIE = Sessions.COOKIE;

    /**
     * Scripts and styles only from this server, no inline script, no framing, forms only to here.
     * {@code connect-src 'self'} lets the page's script open its WebSocket to this host.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
            + " form-action 'self'; base-uri 'none'";

    private static final Logger log = LoggerFactory.getLogger(WebApp.class);

    private final WebSettings settings;
    private final WebPorts ports;
    private final EventFiles files;
    private final Sessions sessions;
    private final RequestGuard guard;
    private final Assets assets = new Assets();
    private final Templates templates = new Templates();
    private final SignInThrottle throttle = new SignInThrottle();
    private JavalinConfig mounted;

    public WebApp(WebSettings settings, WebPorts ports, EventFiles files) {
        this.settings = settings;
        this.ports = ports;
        this.files = files;
        this.sessions = new Sessions(ports.authenticate(), settings.secure());
        this.guard = new RequestGuard(settings);
    }

    /** Registers every page on {@code config}. */
    public void mount(JavalinConfig config) {
        mounted = config;
        config.routes.get(Assets.PATH, ctx -> {
            if (!assets.serve(ctx)) {
                error(ctx, 404, null);
            }
        });
        new SignInPages(this).register();
        new TransferPages(this).register(); // before EventPages: /events/import is no event's page
        new EventPages(this).register();
        new MemberPages(this).register();
        new NotificationPages(this).register();
        new ChecklistPages(this).register();
        new GuestPages(this).register();
        new BudgetPages(this).register();
    }

    /**
     * Answers a request outside the API that the server refused before any page saw it (no such
     * path, a method the path does not take, a body too large) with an error page.
     */
    public void error(Context ctx, int status, String detail) {
        String heading = switch (status) {
            case 404 -> "Page not found";
            case 405 -> "That can't be done here";
            case 413 -> "That is too large";
            case 429 -> "Too many tries";
            default -> status >= 500 ? "Something went wrong" : "That didn't work";
        };
        String advice = status == 404 ? "There is no page at this address. Check the link, or start from your events."
                : detail == null || detail.isBlank() ? "Go back and try again." : detail;
        Visit visit = new Visit(ctx, Formats.forHeader(ctx.header("Accept-Language")), Optional.empty(), this);
        headers(ctx);
        errorPage(visit, status, heading, advice);
    }

    /** Whether {@code origin} (a request's {@code Origin}) is this site's own. */
    public boolean ownOrigin(String origin) {
        return settings.origin().equalsIgnoreCase(origin);
    }

    /** Whether the page at {@code path} takes files: an export to import, or receipts. */
    public boolean takesUploads(String method, String path) {
        return "POST".equals(method) && UPLOADS.matcher(path).matches();
    }

    private static final java.util.regex.Pattern UPLOADS =
            java.util.regex.Pattern.compile("/events/import/?|/events/[^/]+/budget/[^/]+/receipts/?");

    // ---- what the page classes use

    WebPorts ports() {
        return ports;
    }

    EventFiles files() {
        return files;
    }

    Sessions sessions() {
        return sessions;
    }

    Templates templates() {
        return templates;
    }

    WebSettings settings() {
        return settings;
    }

    SignInThrottle throttle() {
        return throttle;
    }

    /** A page any visitor may see. */
    void get(String path, Page page) {
        mounted.routes.get(path, page(page, false));
    }

    /** A form's target: from this site's pages only, with the session's token when signed in. */
    void post(String path, Page page) {
        mounted.routes.post(path, page(page, true));
    }

    Chrome chrome(Visit visit, String title, Optional<Chrome.EventTabs> event) {
        Optional<String> name = Optional.empty();
        long unread = 0;
        String csrf = "";
        if (visit.signedIn()) {
            Sessions.Session session = visit.session();
            name = Optional.of(ports.viewProfile().profile(session.user()).displayName().value());
            unread = ports.readNotifications().notifications(session.user(), true, Optional.empty(), 1).unread();
            csrf = session.csrf();
        }
        return new Chrome(title, visit.formats.language(), name, unread, csrf, event, event.map(Chrome.EventTabs::id),
                Optional.ofNullable(visit.ctx.queryParam("notice")), assets);
    }

    private Handler page(Page page, boolean changesState) {
        return ctx -> {
            headers(ctx);
            Formats formats = Formats.forHeader(ctx.header("Accept-Language"));
            Visit visit = new Visit(ctx, formats, Optional.empty(), this);
            try {
                if (changesState) {
                    guard.sameOrigin(ctx);
                    requireFormBody(ctx);
                }
                Optional<Sessions.Session> session = sessions.of(ctx);
                if (changesState && session.isPresent()) {
                    guard.token(ctx, session.get());
                }
                visit = new Visit(ctx, formats, session, this);
                page.show(visit);
            } catch (NotSignedIn e) {
                notSignedIn(ctx);
            } catch (Refused e) {
                errorPage(visit, e.status(), e.heading(), e.advice());
            } catch (VersionConflict e) {
                errorPage(visit, 409, "Someone else changed this", "It was changed while you were looking at it. Reload the page to see"
                        + " their version, then make your change again.");
            } catch (DomainException e) {
                domainError(visit, e);
            } catch (HttpResponseException e) {
                errorPage(visit, e.getStatus(), "That didn't work", e.getMessage());
            } catch (Exception e) {
                String id = UUID.randomUUID().toString();
                log.error("page {} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
                errorPage(visit, 500, "Something went wrong", "eventa could not show this page. Nothing you sent was lost"
                        + " that was not saved before. Try again; if it keeps happening, tell whoever runs this server: error " + id + ".");
            }
        };
    }

    private void domainError(Visit visit, DomainException e) {
        if (e instanceof NotFound) {
            errorPage(visit, 404, "Not found", "This is not here: it was deleted, or you are not (or no longer) a member of this event.");
        } else if (e instanceof Forbidden) {
            errorPage(visit, 403, "Not allowed", e.detail());
        } else if (e instanceof InvalidValue) {
            errorPage(visit, 400, "Please check what you entered", e.detail());
        } else if (e instanceof Gone) {
            errorPage(visit, 410, "No longer available", e.detail());
        } else if (e instanceof Conflict) {
            errorPage(visit, 409, "That can't be done now", e.detail());
        } else if (e instanceof TooLarge) {
            errorPage(visit, 413, "That is too large", e.detail());
        } else if (e instanceof UnsupportedMediaType) {
            errorPage(visit, 415, "That kind of file can't be used", e.detail());
        } else if (e instanceof Unavailable) {
            visit.ctx.header("Retry-After", "60");
            errorPage(visit, 503, "Try again in a minute", e.detail());
        } else if ("auth_error".equals(e.errorCode())) {
            notSignedIn(visit.ctx);
        } else if ("rate_limited".equals(e.errorCode())) {
            errorPage(visit, 429, "Too many tries", e.detail());
        } else {
            errorPage(visit, 400, "That didn't work", e.detail());
        }
    }

    private void notSignedIn(Context ctx) {
        String next = "GET".equals(ctx.method().name()) ? "?next=" + Visit.encode(ctx.path()) : "";
        ctx.redirect("/signin" + next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void errorPage(Visit visit, int status, String heading, String advice) {
        Visit shown = visit;
        try {
            visit.render(status, "error.jte", new ErrorView(shown.chrome(heading), status, heading, advice));
        } catch (DomainException | NotSignedIn e) {
            // the session went away meanwhile: show the page without the signed-in frame
            Visit anonymous = new Visit(visit.ctx, visit.formats, Optional.empty(), this);
            anonymous.render(status, "error.jte", new ErrorView(anonymous.chrome(heading), status, heading, advice));
        }
    }

    /**
     * The site's forms send {@code application/x-www-form-urlencoded}, and those that take files
     * ({@link #takesUploads}) {@code multipart/form-data}; any other body (JSON, text, multipart
     * elsewhere) is refused with 415 before a form field is read from it.
     */
    private void requireFormBody(Context ctx) {
        String type = ctx.req().getContentType();
        String media = type == null ? "" : type.split(";", 2)[0].strip();
        boolean files = media.equalsIgnoreCase("multipart/form-data") && takesUploads(ctx.method().name(), ctx.path());
        if (type != null && !files && !media.equalsIgnoreCase("application/x-www-form-urlencoded")) {
            throw new Refused(415, "That can't be sent here", "This page takes only what its own form sends. Go back,"
                    + " reload the page and send the form again.");
        }
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    /** A page's handler. */
    @FunctionalInterface
    interface Page {
        void show(Visit visit) throws Exception;
    }

    record ErrorView(Chrome chrome, int status, String heading, String advice) {
    }
}
