package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.error.DomainException;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket on the live endpoint: reads its requests, hands them to its
 * {@link FollowChanges.Connection}, and queues what the core tells it as frames. A client
 * whose bearer was missing or signed out is told so and closed with {@link #AUTH_CLOSE}.
 * Each connection has its own message allowance ({@link LiveSettings#messagesPerConnection()}):
 * a message over it is not handled but answered with a {@code rate_limited} error. Nothing a
 * client sends can take the connection down except a flood far beyond that allowance, closed
 * with 1008, and an oversized frame beyond {@link LiveSettings#HARD_MESSAGE_LIMIT}, which Jetty
 * itself refuses with 1009. It knows which events it follows live, for the metrics: from
 * {@code subscribed} until an unsubscribe, a revocation, a resync or the end of the connection.
 *
 * <p>Public only because Jetty calls a listener's methods through method handles, which need a
 * public class; nothing outside this package can create one.
 */
public final class LiveSocket implements Session.Listener.AutoDemanding, FollowChanges.Listener {

    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);

    /** The close code for "authenticate again": 4000 + the HTTP status it stands for. */
    static final int AUTH_CLOSE = 4401;
    /**
     * The close code for "too many": the bearer's request allowance is spent, its address holds as
     * many live connections as it may, or this was the user's oldest connection and a newer one
     * took its place. The error frame before it says which; a client should not reconnect on its
     * own after it (except after {@code retry_after_seconds} when rate-limited).
     */
    static final int TOO_MANY_CLOSE = 4429;
    private static final String MESSAGES = "messages on this connection";

    private final LiveEndpoint endpoint;
    private final Outbound outbound;
    private final LiveMessages messages;
    private final Allowance allowance;
    /** The refusals a client may run into before its flood closes the connection. */
    private final Allowance refusals;
    private volatile boolean flooding;
    private volatile FollowChanges.Connection connection;
    private volatile Refused refusal;
    private volatile UserId user;
    private volatile String address;
    private volatile Session session;
    private volatile long lastHeardNanos = System.nanoTime();
    /** The events followed live; the subscriptions gauge sums these over the open connections. */
    private final Set<EventId> following = ConcurrentHashMap.newKeySet();
    /** Events whose subscription is being made now: their changes so far are a replay, not live. */
    private final Set<EventId> replaying = ConcurrentHashMap.newKeySet();

    LiveSocket(LiveEndpoint endpoint, LiveMessages messages, long maxQueuedBytes, RateLimit messagesPerConnection) {
        this.endpoint = endpoint;
        this.messages = messages;
        this.outbound = new Outbound(maxQueuedBytes);
        this.allowance = new Allowance(messagesPerConnection);
        this.refusals = new Allowance(messagesPerConnection.times(LiveSettings.FLOOD_FACTOR));
    }

    /** Why a connection was not let in: the close code and the error frame sent before it. */
    private record Refused(int closeCode, String errorCode, String detail, Map<String, Object> info) {
    }

    /** The connection is not let in: the socket is open only to say why and close. */
    void refused(int closeCode, String errorCode, String detail, Map<String, Object> info) {
        this.refusal = new Refused(closeCode, errorCode, detail, info);
    }

    /** The connection counts for {@code user} and {@code address} until it ends. */
    void admitted(UserId user, String address) {
        this.user = user;
        this.address = address;
    }

    /** A newer connection of the same user took this one's place. */
    void evict(String detail, int limit) {
        outbound.offerControl(messages.error("too_many_connections", detail, Map.of("limit", limit), null));
        outbound.closeAfterSending(TOO_MANY_CLOSE, "too_many_connections");
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    Session session() {
        return session;
    }

    /** How many events this connection follows live. */
    int following() {
        return following.size();
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        outbound.open(session);
        connection = endpoint.connect(session, this).orElse(null);
        if (connection == null) {
            Refused refused = refusal;
            outbound.offerControl(messages.error(refused.errorCode(), refused.detail(), refused.info(), null));
            outbound.closeAfterSending(refused.closeCode(), refused.errorCode());
            return;
        }
        endpoint.opened(this);
        outbound.offerControl(messages.hello(connection.id()));
    }

    @Override
    public void onWebSocketText(String text) {
        heard();
        FollowChanges.Connection current = connection;
        if (current == null || !allowed()) {
            return;
        }
        if (text.length() > endpoint.settings().maxMessageBytes()) {
            error("too_large", "a message may be at most " + endpoint.settings().maxMessageBytes() + " bytes", Map.of(), null);
            return;
        }
        LiveRequests.Request request;
        try {
            request = endpoint.requests().read(text);
        } catch (DomainException e) {
            error(e.errorCode(), e.detail(), e.info(), null);
            return;
        } catch (LiveRequests.UnknownType e) {
            error("unknown_type", e.getMessage(), Map.of(), null);
            return;
        }
        handle(current, request);
    }

    private void handle(FollowChanges.Connection current, LiveRequests.Request request) {
        EventId event = null;
        try {
            if (request instanceof LiveRequests.Subscribe subscribe) {
                event = subscribe.event();
                replaying.add(event);
                try {
                    current.subscribe(subscribe.event(), subscribe.since());
                } finally {
                    replaying.remove(event);
                }
            } else if (request instanceof LiveRequests.Unsubscribe unsubscribe) {
                event = unsubscribe.event();
                current.unsubscribe(unsubscribe.event());
                following.remove(event);
                outbound.offerControl(messages.aboutEvent("unsubscribed", unsubscribe.event()));
            } else {
                outbound.offerControl(messages.pong());
            }
        } catch (DomainException e) {
            error(e.errorCode(), e.detail(), e.info(), event);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            log.error("unexpected failure on a live connection, error id {}", errorId, e);
            error("internal_error", "something went wrong on our side; quote error id " + errorId + " when reporting it",
                    Map.of("error_id", errorId), event);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        heard();
        callback.succeed();
        if (!allowed()) {
            return;
        }
        error("validation_error", "binary messages are not understood; send JSON text", Map.of("field", "message"), null);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        heard();
    }

    /**
     * Answers with a Pong carrying the same payload (RFC 6455 §5.5.2). Jetty answers pings by
     * itself only for listeners that do not take them, and this one does, to count them as life.
     */
    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        heard();
        Session current = session;
        if (current != null && current.isOpen()) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
            current.sendPong(copy, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        end();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        log.debug("live connection failed", cause);
        end();
    }

    private void end() {
        outbound.closed();
        endpoint.closed(this);
        UserId counted = user;
        if (counted != null) {
            user = null;
            endpoint.left(this, counted, address);
        }
        following.clear();
        FollowChanges.Connection current = connection;
        if (current != null) {
            current.close();
        }
    }

    /**
     * Takes one message from the allowance. One over it is answered with {@code rate_limited};
     * once the refusals run out too, the connection is closed and what it sends is ignored.
     */
    private boolean allowed() {
        if (flooding) {
            return false;
        }
        try {
            allowance.take(MESSAGES);
            return true;
        } catch (TooManyRequests e) {
            if (refusals.tryTake()) {
                error("rate_limited", e.getMessage(), Map.of("retry_after_seconds", e.retryAfterSeconds()), null);
            } else {
                flooding = true;
                outbound.closeAfterSending(StatusCode.POLICY_VIOLATION, "rate_limited");
            }
            return false;
        }
    }

    private void heard() {
        lastHeardNanos = System.nanoTime();
    }

    private void error(String code, String detail, Map<String, Object> info, EventId event) {
        outbound.offerControl(messages.error(code, detail, info, event));
    }

    @Override
    public boolean change(Change change) {
        boolean queued = outbound.offer(messages.change(change));
        if (queued && !replaying.contains(change.event())) {
            endpoint.fannedOut(change);
        }
        return queued;
    }

    @Override
    public boolean subscribed(EventId event, long cursor) {
        // When the frame does not fit, the core ends the subscription with a resync, which forgets it again.
        following.add(event);
        return outbound.offer(messages.subscribed(event, cursor));
    }

    @Override
    public boolean presence(EventId event, UserId user, boolean online) {
        return outbound.offer(messages.presence(event, user, online));
    }

    @Override
    public void revoked(EventId event) {
        following.remove(event);
        outbound.offerControl(messages.aboutEvent("revoked", event));
    }

    @Override
    public void resync(EventId event) {
        following.remove(event);
        outbound.offerControl(messages.aboutEvent("resync", event));
    }

    @Override
    public void signedOut() {
        following.clear();
        outbound.offerControl(messages.error("auth_error", "this bearer was signed out; sign in again", Map.of(), null));
        outbound.closeAfterSending(AUTH_CLOSE, "auth_error");
    }
}
