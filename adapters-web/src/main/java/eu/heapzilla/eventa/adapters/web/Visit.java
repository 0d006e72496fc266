package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.member.UserId;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One request to a page: the person (if signed in), their language's formats, and the ways to answer. */
final class Visit {

    final Context ctx;
    final Formats formats;
    private final Optional<Sessions.Session> session;
    private final WebApp app;

    Visit(Context ctx, Formats formats, Optional<Sessions.Session> session, WebApp app) {
        this.ctx = ctx;
        this.formats = formats;
        this.session = session;
        this.app = app;
    }

    /** Where the request came from: behind a trusted proxy, the address it appended to {@code X-Forwarded-For}. */
    ClientAddress client() {
        if (app.settings().trustForwardedFor()) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
                if (last.matches("[0-9A-Fa-f:.]{2,45}")) {
                    return new ClientAddress(last);
                }
            }
        }
        return new ClientAddress(ctx.req().getRemoteAddr());
    }

    boolean signedIn() {
        return session.isPresent();
    }

    /** @throws NotSignedIn when nobody is */
    Sessions.Session session() {
        return session.orElseThrow(NotSignedIn::new);
    }

    UserId user() {
        return session().user();
    }

    /** A form field as sent, stripped; empty when it was not sent or blank. */
    Optional<String> field(String name) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A form field as sent (not stripped), or {@code ""}. */
    String raw(String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    boolean checked(String name) {
        return ctx.formParam(name) != null;
    }

    Optional<String> query(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** POST, then GET: answers a form with a redirect (303) to {@code path}. */
    void redirect(String path) {
        ctx.redirect(path, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void render(String template, Object model) {
        render(200, template, model);
    }

    void render(int status, String template, Object model) {
        app.templates().render(ctx, status, template, model);
    }

    /** The frame of a page outside any event. */
    Chrome chrome(String title) {
        return app.chrome(this, title, Optional.empty());
    }

    /** The frame of a page of an open event, with its tabs, following it live. */
    Chrome chrome(String title, Chrome.EventTabs event) {
        return app.chrome(this, title, Optional.of(event));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
