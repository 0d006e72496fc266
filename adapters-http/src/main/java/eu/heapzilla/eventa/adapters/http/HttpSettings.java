package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.budget.Receipt;
import java.util.Objects;

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
 */
public record HttpSettings(String host, int port, long maxBodyBytes, boolean trustForwardedFor, SignInLimits signInLimits,
                           long fileMaxBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** 10 MiB: a phone photo or a scanned invoice, with room to spare. */
    public static final long DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024;
    /** What a multipart upload may carry besides its files: boundaries, part headers, preamble. */
    static final long UPLOAD_OVERHEAD_BYTES = 1024 * 1024;

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
    }

    /** The default receipt file limit, {@link #DEFAULT_FILE_MAX_BYTES}. */
    public HttpSettings(String host, int port, long maxBodyBytes, boolean trustForwardedFor, SignInLimits signInLimits) {
        this(host, port, maxBodyBytes, trustForwardedFor, signInLimits, DEFAULT_FILE_MAX_BYTES);
    }

    /** Direct connections (no proxy), the default sign-in limits and the default receipt file limit. */
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
}
