package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.Authenticate;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A browser's session: a bearer like the app's, kept in an {@code HttpOnly}, {@code SameSite=Lax}
 * cookie ({@code Secure} behind https). The server stores only its hash, as for every bearer, so
 * signing out anywhere, or an operator revoking it, ends the session at the next request. The
 * session's CSRF token is derived from the bearer by a one-way hash: it needs no storage, and
 * knowing it tells nothing about the bearer.
 */
final class Sessions {

    /** The cookie's name; the live endpoint reads the same cookie. */
    static final String COOKIE = "eventa_session";
    private static final Duration LIFETIME = Duration.ofDays(90);

    private final Authenticate authenticate;
    private final boolean secure;

    Sessions(Authenticate authenticate, boolean secure) {
        this.authenticate = authenticate;
        this.secure = secure;
    }

    /** The signed-in session of this request, if its cookie names a live bearer. */
    Optional<Session> of(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Secret bearer = Secret.parse("session", value);
            UserId user = authenticate.authenticate(bearer);
            return Optional.of(new Session(user, bearer, csrfToken(bearer)));
        } catch (InvalidValue | Unauthenticated e) {
            forget(ctx);
            return Optional.empty();
        }
    }

    void start(Context ctx, Secret bearer) {
        ctx.header("Set-Cookie", cookie(bearer.reveal(), LIFETIME.toSeconds()));
    }

    void forget(Context ctx) {
        ctx.header("Set-Cookie", cookie("", 0));
    }

    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    static String csrfToken(Secret bearer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("eventa csrf\n".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(bearer.reveal().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Who is signed in, with the bearer that proves it and the token every form of theirs carries. */
    record Session(UserId user, Secret bearer, String csrf) {
    }
}
