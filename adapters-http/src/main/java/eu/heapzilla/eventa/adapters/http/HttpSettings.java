package eu.heapzilla.eventa.adapters.http;

import java.util.Objects;

/**
 * How the HTTP server listens and whom it believes.
 *
 * @param host              interface to bind, e.g. {@code 0.0.0.0}
 * @param port              TCP port; 0 picks a free one
 * @param maxBodyBytes      the largest request body accepted; larger ones are answered 413
 * @param trustForwardedFor whether the last {@code X-Forwarded-For} entry names the client
 *                          (true only behind a reverse proxy that sets it, such as Caddy)
 * @param signInLimits      how often sign-in may be tried
 */
public record HttpSettings(String host, int port, long maxBodyBytes, boolean trustForwardedFor, SignInLimits signInLimits) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(signInLimits, "signInLimits");
    }

    /** Direct connections (no proxy) and the default sign-in limits. */
    public HttpSettings(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, false, SignInLimits.DEFAULT);
    }
}
