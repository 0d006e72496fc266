package eu.heapzilla.eventa.adapters.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One structured line per request. It names the matched route template, never the query
 * string and never a header, so tokens in URLs ({@code ?token=}, {@code /invites/{token}})
 * cannot reach the log; an unmatched path has its long opaque segments masked. While a matched
 * request runs, its route template is in the logging context ({@value #MDC_KEY}), beside the
 * request id and the user id, so whatever is logged on its behalf says which route it served.
 */
final class RequestLog {

    private static final Logger log = LoggerFactory.getLogger("eventa.http");
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final int LONGEST_PLAIN_SEGMENT = 31;
    static final String MDC_KEY = "route";

    private RequestLog() {
    }

    /** Runs before a matched route's handler. */
    static void enterRoute(Context ctx) {
        matchedRoute(ctx).ifPresent(route -> MDC.put(MDC_KEY, route));
    }

    static void write(Context ctx, Float millis) {
        // The line carries the route as its own field.
        MDC.remove(MDC_KEY);
        try {
            String method = ctx.method().name();
            String route = route(ctx);
            int status = ctx.status().getCode();
            log.atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", Math.round(millis * 10) / 10.0)
                    .log("{} {} {}", method, route, status);
        } finally {
            MDC.clear();
        }
    }

    private static String route(Context ctx) {
        return matchedRoute(ctx).orElseGet(() -> maskOpaqueSegments(ctx.path()));
    }

    /** The template of the route the request matched ({@code /api/v1/events/{event}}), if it matched one. */
    static Optional<String> matchedRoute(Context ctx) {
        return Optional.ofNullable(matched(ctx)).map(endpoint -> endpoint.path);
    }

    /**
     * The route the request matched, also when a filter before its handler answered it (a 401 from
     * the bearer check, a 429 from a rate limit): Javalin knows the matched route before it runs
     * those filters.
     */
    private static Endpoint matched(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            if (endpoint == null) {
                endpoint = ctx.endpoint();
            }
            return endpoint != null && !"*".equals(endpoint.path) ? endpoint : null;
        } catch (RuntimeException noEndpoint) {
            return null;
        }
    }

    private static String maskOpaqueSegments(String path) {
        String[] segments = path.split("/", -1);
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                masked.append('/');
            }
            String segment = segments[i];
            boolean opaque = segment.length() > LONGEST_PLAIN_SEGMENT && !UUID_SHAPE.matcher(segment).matches();
            masked.append(opaque ? "{redacted}" : segment);
        }
        return masked.toString();
    }
}
