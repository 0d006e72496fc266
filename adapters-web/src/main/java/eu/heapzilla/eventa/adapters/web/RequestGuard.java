package eu.heapzilla.eventa.adapters.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Cross-site request forgery: a state-changing request must come from this site's own pages. Its
 * {@code Origin} (or, where a browser sends none, {@code Sec-Fetch-Site}) must name this server,
 * and a signed-in person's request must carry their session's token, in the form field
 * {@value #FIELD} or the header {@value #HEADER} (htmx sends that one).
 */
final class RequestGuard {

    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private final String origin;
    private final long fileMaxBytes;

    RequestGuard(WebSettings settings) {
        this.origin = settings.origin();
        this.fileMaxBytes = settings.fileMaxBytes();
    }

    /** @throws Refused when the request did not come from one of this server's pages */
    void sameOrigin(Context ctx) {
        String claimed = ctx.header("Origin");
        String site = ctx.header("Sec-Fetch-Site");
        boolean ours = claimed != null && !claimed.equals("null")
                ? claimed.equalsIgnoreCase(origin) || claimed.equalsIgnoreCase(hostOrigin(ctx))
                : claimed == null && (site == null || site.equals("same-origin") || site.equals("none"));
        if (!ours) {
            throw new Refused(403, "This form was sent from another site", "eventa only accepts forms sent from its own pages.");
        }
    }

    /** @throws Refused when the request lacks the session's token */
    void token(Context ctx, Sessions.Session session) {
        String sent = ctx.header(HEADER);
        if (sent == null) {
            sent = formField(ctx);
        }
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII),
                session.csrf().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused(403, "This form has expired", "Reload the page and try again; nothing was changed.");
        }
    }

    /** The token field; reading it parses a multipart body (a file upload), which can fail on a file over the limit. */
    private String formField(Context ctx) {
        try {
            return ctx.formParam(FIELD);
        } catch (Exception unreadable) {
            if (ctx.isMultipartFormData()) {
                throw ReceiptFiles.unreadable(unreadable, ctx, fileMaxBytes);
            }
            throw unreadable;
        }
    }

    private static String hostOrigin(Context ctx) {
        String host = ctx.header("Host");
        return host == null ? "" : ctx.scheme().toLowerCase(Locale.ROOT) + "://" + host;
    }
}
