package eu.heapzilla.eventa.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the server one client may hold, and for how long: the time to send a request, the
 * connections it may keep open, and the request threads a slow body may wait on
 * (ADR 0015).
 *
 * @param headTimeout              a request head must be complete this long after its first byte (408); a new
 *                                 connection that has sent no complete head by then plus {@link #FIRST_HEAD_GRACE}
 *                                 is closed
 * @param bodyTimeout              a body of up to {@link HttpSettings#maxBodyBytes()} is read before the request is
 *                                 given a thread, and must be complete this long after its head (408)
 * @param minBodyBytesPerSecond    a larger body (a receipt upload, an import) is read by its request's thread and
 *                                 must keep this average rate after its first second (408); 0 turns the check off
 * @param maxConnections           open connections (HTTP and WebSocket) in total; one more is answered 503
 *                                 {@code server_busy} and closed
 * @param maxConnectionsPerAddress open connections from one client address; one more is answered 429
 *                                 {@code too_many_connections} and closed. Behind a trusted proxy every
 *                                 connection comes from the proxy, so this is not applied there
 * @param maxStreamedBodies        bodies larger than {@link HttpSettings#maxBodyBytes()} being received at once,
 *                                 each holding a thread (at most a quarter of them, and at least one, per client
 *                                 address); one more is answered 503 {@code server_busy}
 */
public record ClientLimits(Duration headTimeout, Duration bodyTimeout, long minBodyBytesPerSecond, int maxConnections,
                           int maxConnectionsPerAddress, int maxStreamedBodies) {

    /**
     * A head arrives in one packet from any real client, and 10 s covers a phone on a bad
     * network; 30 s is enough for a 1 MiB body at 35 KB/s, far more than a JSON request needs;
     * 4 KiB/s is a 10 MiB receipt in 42 minutes. 10 000 connections at about 120 KiB each stay
     * within a small machine's memory; 256 per address lets a household or an office share one.
     * 16 uploads at once are more than a planning team sends.
     */
    public static final ClientLimits DEFAULT = new ClientLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 4096,
            10_000, 256, 16);

    /** How much longer than {@link #headTimeout()} a new connection may take before its first complete head. */
    static final Duration FIRST_HEAD_GRACE = Duration.ofSeconds(5);

    public ClientLimits {
        requirePositive(headTimeout, "headTimeout");
        requirePositive(bodyTimeout, "bodyTimeout");
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("minBodyBytesPerSecond must not be negative");
        }
        if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxStreamedBodies < 1) {
            throw new IllegalArgumentException("connection and body limits must be positive");
        }
    }

    /** The streamed bodies one client address may have in progress at once. */
    int maxStreamedBodiesPerAddress() {
        return Math.max(1, maxStreamedBodies / 4);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
