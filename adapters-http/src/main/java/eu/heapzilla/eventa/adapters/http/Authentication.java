package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.Authenticate;
import io.javalin.http.Context;
import org.slf4j.MDC;

/**
 * The bearer check in front of every protected route: {@code Authorization: Bearer <token>}
 * must name a live bearer. The caller's id lands in the request and the logging context, and the
 * request counts against the bearer's allowance ({@link ApiLimits#perBearer()}).
 */
final class Authentication {

    static final String API_PREFIX = "/api/v1/";
    private static final String SCHEME = "bearer ";
    private static final String USER_ID = "eventa.user_id";
    private static final String BEARER = "eventa.bearer";
    static final String MDC_KEY = "user_id";

    private final Authenticate authenticate;
    private final ApiGuard guard;

    Authentication(Authenticate authenticate, ApiGuard guard) {
        this.authenticate = authenticate;
        this.guard = guard;
    }

    /** Runs before every matched route; lets public and non-API routes through. */
    void check(Context ctx) {
        if (!ctx.path().startsWith(API_PREFIX) || ctx.routeRoles().contains(Access.ANYONE)) {
            return;
        }
        Secret bearer = bearerOf(ctx);
        UserId user = authenticate.authenticate(bearer);
        ctx.attribute(USER_ID, user);
        ctx.attribute(BEARER, bearer);
        MDC.put(MDC_KEY, user.toString());
        // Only accepted bearers are counted, so made-up ones cannot fill the limiter.
        guard.requestWith(bearer);
    }

    private static Secret bearerOf(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthenticated("this route needs a bearer: send 'Authorization: Bearer <token>'");
        }
        return fromHeader(header);
    }

    /** The bearer in a non-blank {@code Authorization} header. @throws Unauthenticated for another scheme or a malformed token */
    static Secret fromHeader(String header) {
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new Unauthenticated("the Authorization header must use the Bearer scheme");
        }
        return parse(header.substring(SCHEME.length()).strip());
    }

    /** A bearer token as sent. @throws Unauthenticated when it cannot be one */
    static Secret parse(String token) {
        try {
            return Secret.parse("authorization", token);
        } catch (InvalidValue e) {
            throw new Unauthenticated("this bearer is not known; sign in again");
        }
    }

    /** The signed-in user of a protected route. */
    static UserId userId(Context ctx) {
        UserId id = ctx.attribute(USER_ID);
        if (id == null) {
            throw new IllegalStateException("route " + ctx.path() + " is public but asked who is signed in");
        }
        return id;
    }

    /** The bearer a protected route was called with. */
    static Secret bearer(Context ctx) {
        Secret bearer = ctx.attribute(BEARER);
        if (bearer == null) {
            throw new IllegalStateException("route " + ctx.path() + " is public but asked for the bearer");
        }
        return bearer;
    }
}
