package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.budget.Receipt;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens and whom it believes.
 *
 * @param host              interface to bind, e.g. {@code 0.0.0.0}
 * @param port              TCP port; 0 picks a free one
 * @param maxBodyBytes      the largest request body accepted; larger ones are answered 413
 *                          (receipt uploads have their own limit, see {@link #maxUploadBytes()})
 * @param trustForwardedFor whether the last {@code X-Forwarded-For} entry names the client
 *                          (true only behind a reverse proxy that sets it, such as Caddy)
 * @param signInLimits      how often sign-in may be tried
 * @param fileMaxBytes      the largest file accepted as one receipt; larger ones are answered 413
 * @param apiLimits         how much a signed-in client may do
 * @param metricsToken      when present, {@code GET /metrics} asks for {@code Authorization: Bearer <it>}; when
 *                          empty, anyone who reaches the port may read the metrics
 * @param clientLimits      how long a client may take to send a request, and how many connections it may hold
 */
public record HttpSettings(String host, int port, long maxBodyBytes, boolean trustForwardedFor, SignInLimits signInLimits,
                           long fileMaxBytes, ApiLimits apiLimits, Optional<String> metricsToken, ClientLimits clientLimits) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** 10 MiB: a phone photo or a scanned invoice, with room to spare. */
    public static final long DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024;
    /** What a multipart upload may carry besides its files: boundaries, part headers, preamble. */
    static final long UPLOAD_OVERHEAD_BYTES = 1024 * 1024;
    /** The shortest metrics token accepted: one that cannot be guessed. */
    public static final int SHORTEST_METRICS_TOKEN = 16;

    public HttpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(signInLimits, "signInLimits");
        if (fileMaxBytes < 1 || fileMaxBytes > (Long.MAX_VALUE - UPLOAD_OVERHEAD_BYTES) / Receipt.MAX_PER_ITEM) {
            throw new IllegalArgumentException("fileMaxBytes must be positive and sensible");
        }
        Objects.requireNonNull(apiLimits, "apiLimits");
        Objects.requireNonNull(metricsToken, "metricsToken");
        if (metricsToken.isPresent() && !isGoodMetricsToken(metricsToken.get())) {
            throw new IllegalArgumentException("the metrics token must be at least " + SHORTEST_METRICS_TOKEN
                    + " printable ASCII characters without spaces");
        }
        Objects.requireNonNull(clientLimits, "clientLimits");
    }

    /** The default limits on slow clients and connections, {@link ClientLimits#DEFAULT}. */
    public HttpSettings(String host, int port, long maxBodyBytes, boolean trustForwardedFor, SignInLimits signInLimits,
                        long fileMaxBytes, ApiLimits apiLimits, Optional<String> metricsToken) {
        this(host, port, maxBodyBytes, trustForwardedFor, signInLimits, fileMaxBytes, apiLimits, metricsToken, ClientLimits.DEFAULT);
    }

    /** Whether {@code token} may guard {@code GET /metrics}: {@value #SHORTEST_METRICS_TOKEN}+ printable ASCII characters, no spaces. */
    public static boolean isGoodMetricsToken(String token) {
        return token.length() >= SHORTEST_METRICS_TOKEN && token.chars().allMatch(c -> c > ' ' && c < 127);
    }

    /** No metrics token: {@code GET /metrics} is open to whoever reaches the port. */
    public HttpSettings(String host, int port, long maxBodyBytes, boolean trustForwardedFor, SignInLimits signInLimits,
                        long fileMaxBytes, ApiLimits apiLimits) {
        this(host, port, maxBodyBytes, trustForwardedFor, signInLimits, fileMaxBytes, apiLimits, Optional.empty());
    }

    /** The default limits on signed-in use, {@link ApiLimits#DEFAULT}. */
    public HttpSettings(String host, int port, long maxBodyBytes, boolean trustForwardedFor, SignInLimits signInLimits,
                        long fileMaxBytes) {
        this(host, port, maxBodyBytes, trustForwardedFor, signInLimits, fileMaxBytes, ApiLimits.DEFAULT);
    }

    /** The default receipt file limit, {@link #DEFAULT_FILE_MAX_BYTES}, and the default limits on signed-in use. */
    public HttpSettings(String host, int port, long maxBodyBytes, boolean trustForwardedFor, SignInLimits signInLimits) {
        this(host, port, maxBodyBytes, trustForwardedFor, signInLimits, DEFAULT_FILE_MAX_BYTES);
    }

    /** Direct connections (no proxy), the default sign-in limits, receipt file limit and limits on signed-in use. */
    public HttpSettings(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, false, SignInLimits.DEFAULT);
    }

    /**
     * The largest body of a receipt upload: as many files of the largest size as an item may
     * have receipts, plus {@link #UPLOAD_OVERHEAD_BYTES} for the multipart framing.
     */
    public long maxUploadBytes() {
        return Receipt.MAX_PER_ITEM * fileMaxBytes + UPLOAD_OVERHEAD_BYTES;
    }

    /** These settings with {@code GET /metrics} behind {@code token}. */
    public HttpSettings withMetricsToken(String token) {
        return new HttpSettings(host, port, maxBodyBytes, trustForwardedFor, signInLimits, fileMaxBytes, apiLimits,
                Optional.of(token), clientLimits);
    }

    /** These settings with other limits on slow clients and connections. */
    public HttpSettings withClientLimits(ClientLimits limits) {
        return new HttpSettings(host, port, maxBodyBytes, trustForwardedFor, signInLimits, fileMaxBytes, apiLimits,
                metricsToken, limits);
    }

    /** Never shows the metrics token. */
    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", trustForwardedFor="
                + trustForwardedFor + ", signInLimits=" + signInLimits + ", fileMaxBytes=" + fileMaxBytes
                + ", apiLimits=" + apiLimits + ", metricsToken=" + (metricsToken.isPresent() ? "***" : "none")
                + ", clientLimits=" + clientLimits + "]";
    }
}
