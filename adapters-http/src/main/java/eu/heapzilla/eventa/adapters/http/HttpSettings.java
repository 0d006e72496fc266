package eu.heapzilla.eventa.adapters.http;

/**
 * How the HTTP server listens.
 *
 * @param host         interface to bind, e.g. {@code 0.0.0.0}
 * @param port         TCP port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; larger ones are answered 413
 */
public record HttpSettings(String host, int port, long maxBodyBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }
}
