package eu.heapzilla.eventa.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the live WebSocket endpoint treats its connections.
 *
 * @param pingInterval          how often the server pings each connection; one that has sent nothing (not even
 *                              a pong) for two intervals is dropped as dead
 * @param maxQueuedBytes        how much text may wait for one slow connection; beyond it the connection's
 *                              subscriptions end with {@code resync} instead of the server holding more
 * @param maxMessageBytes       the largest message a client may send; a larger one is answered with an error
 * @param messagesPerConnection how many messages one connection may send; one over is answered with a
 *                              {@code rate_limited} error, and a connection that has had {@link #FLOOD_FACTOR}
 *                              times its allowance refused within about one period is closed with 1008 (policy
 *                              violation). Pings and pongs of the WebSocket protocol itself are not messages.
 * @param connectionsPerUser    how many live connections one user may hold open; a new one beyond it closes that
 *                              user's oldest with {@link LiveSocket#TOO_MANY_CLOSE}
 * @param connectionsPerAddress how many live connections may be open from one client address; a new one beyond it
 *                              is refused with {@link LiveSocket#TOO_MANY_CLOSE}
 */
public record LiveSettings(Duration pingInterval, long maxQueuedBytes, int maxMessageBytes, RateLimit messagesPerConnection,
                           int connectionsPerUser, int connectionsPerAddress) {

    /**
     * 120 messages a minute: a phone that reconnects subscribes to each of its events at once,
     * and the whole allowance is there for that; after it, two messages a second is far more
     * than navigating between events needs.
     */
    public static final RateLimit DEFAULT_MESSAGES_PER_CONNECTION = RateLimit.perMinute(120);

    /** A family on several devices, each with a browser tab or two and the app, with room for reconnects. */
    public static final int DEFAULT_CONNECTIONS_PER_USER = 20;

    /** A household or an office behind one address: several people, each with their devices. */
    public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 100;

    public static final LiveSettings DEFAULT = new LiveSettings(Duration.ofSeconds(25), 1024 * 1024, 4096);

    /** What Jetty itself accepts before it closes the connection with 1009 (message too big). */
    static final int HARD_MESSAGE_LIMIT = 64 * 1024;

    /** How many times its allowance a connection may have refused before it is closed as a flood. */
    static final int FLOOD_FACTOR = 10;

    public LiveSettings {
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive");
        }
        if (maxQueuedBytes < 1024) {
            throw new IllegalArgumentException("maxQueuedBytes must be at least 1024");
        }
        if (maxMessageBytes < 256 || maxMessageBytes > HARD_MESSAGE_LIMIT) {
            throw new IllegalArgumentException("maxMessageBytes must be between 256 and " + HARD_MESSAGE_LIMIT);
        }
        Objects.requireNonNull(messagesPerConnection, "messagesPerConnection");
        if (connectionsPerUser < 1 || connectionsPerAddress < 1) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
    }

    /** The default connection limits, {@link #DEFAULT_CONNECTIONS_PER_USER} and {@link #DEFAULT_CONNECTIONS_PER_ADDRESS}. */
    public LiveSettings(Duration pingInterval, long maxQueuedBytes, int maxMessageBytes, RateLimit messagesPerConnection) {
        this(pingInterval, maxQueuedBytes, maxMessageBytes, messagesPerConnection, DEFAULT_CONNECTIONS_PER_USER,
                DEFAULT_CONNECTIONS_PER_ADDRESS);
    }

    /** The default message allowance, {@link #DEFAULT_MESSAGES_PER_CONNECTION}, and connection limits. */
    public LiveSettings(Duration pingInterval, long maxQueuedBytes, int maxMessageBytes) {
        this(pingInterval, maxQueuedBytes, maxMessageBytes, DEFAULT_MESSAGES_PER_CONNECTION);
    }

    /** These settings with other connection limits. */
    public LiveSettings withConnectionLimits(int perUser, int perAddress) {
        return new LiveSettings(pingInterval, maxQueuedBytes, maxMessageBytes, messagesPerConnection, perUser, perAddress);
    }
}
