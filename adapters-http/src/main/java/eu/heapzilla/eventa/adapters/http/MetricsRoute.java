package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.Unauthenticated;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * {@code GET /metrics}: {@link PrometheusMetrics} in Prometheus's text format, or in OpenMetrics
 * when the scraper's {@code Accept} asks for it. Outside {@code /api/v1} and its bearers; when
 * a metrics token is configured, the scraper must send {@code Authorization: Bearer <token>},
 * compared in constant time (both sides hashed first, so not even the length shows).
 */
final class MetricsRoute {

    static final String PATH = "/metrics";
    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String SCHEME = "bearer ";

    private final PrometheusMetrics metrics;
    private final Optional<byte[]> tokenHash;

    MetricsRoute(PrometheusMetrics metrics, Optional<String> token) {
        this.metrics = metrics;
        this.tokenHash = token.map(MetricsRoute::sha256);
    }

    void register(JavalinConfig config) {
        config.routes.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) {
        tokenHash.ifPresent(expected -> requireToken(ctx.header("Authorization"), expected));
        String accept = ctx.header("Accept");
        String type = accept != null && accept.contains("application/openmetrics-text") ? OPEN_METRICS : TEXT;
        ctx.contentType(type).result(metrics.scrape(type));
    }

    private static void requireToken(String header, byte[] expected) {
        if (header == null || header.isBlank()) {
            throw new Unauthenticated("the metrics need the metrics token: send 'Authorization: Bearer <token>'");
        }
        boolean bearer = header.length() > SCHEME.length() && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
        byte[] presented = sha256(bearer ? header.substring(SCHEME.length()).strip() : "");
        if (!MessageDigest.isEqual(presented, expected) || !bearer) {
            throw new Unauthenticated("this is not the metrics token");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
