package eu.heapzilla.eventa.adapters.web;

import java.net.URI;
import java.util.Objects;

/**
 * How the web app is reached.
 *
 * @param baseUrl           the address people open, without a trailing slash; https makes the session cookie {@code Secure}
 * @param trustForwardedFor whether a reverse proxy's {@code X-Forwarded-For} names the client (for the sign-in limits)
 * @param fileMaxBytes      the largest file kept as one receipt (the server's multipart limit is the same)
 */
public record WebSettings(String baseUrl, boolean trustForwardedFor, long fileMaxBytes) {

    public WebSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) address: " + baseUrl);
        }
        if (fileMaxBytes < 1) {
            throw new IllegalArgumentException("fileMaxBytes must be positive");
        }
    }

    boolean secure() {
        return baseUrl.startsWith("https:");
    }

    /** The origin ({@code scheme://host[:port]}) that the browser names in {@code Origin} for this server. */
    String origin() {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
