package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.error.DomainException;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket on the live endpoint: reads its requests, hands them to its
 * {@link FollowChanges.Connection}, and queues what the core tells it as frames. A client
 * whose bearer was missing or signed out is told so and closed with {@link #AUTH_CLOSE}.
 * Nothing a client sends can take the connection down except an oversized frame beyond
 * {@link LiveSettings#HARD_MESSAGE_LIMIT}, which Jetty itself refuses with 1009.
 *
 * <p>Public only because Jetty calls a listener's methods through method handles, which need a
 * public class; nothing outside this package can create one.
 */
public final class LiveSocket implements Session.Listener.AutoDemanding, FollowChanges.Listener {

    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);

    /** The close code for "authenticate again": 4000 + the HTTP status it stands for. */
    static final int AUTH_CLOSE = 4401;

    private final LiveEndpoint endpoint;
    private final Outbound outbound;
    private final LiveMessages messages;
    private volatile FollowChanges.Connection connection;
    private volatile String refusal;
    private volatile Session session;
    private volatile long lastHeardNanos = System.nanoTime();

    LiveSocket(LiveEndpoint endpoint, LiveMessages messages, long maxQueuedBytes) {
        this.endpoint = endpoint;
        this.messages = messages;
        this.outbound = new Outbound(maxQueuedBytes);
    }

    /** The bearer did not hold: the socket is open only to say so and close. */
    void refused(String detail) {
        this.refusal = detail;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    Session session() {
        return session;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        connection = endpoint.connect(session.getUpgradeRequest(), this).orElse(null);
        outbound.open(session);
        if (connection == null) {
            outbound.offerControl(messages.error("auth_error", refusal, Map.of(), null));
            outbound.closeAfterSending(AUTH_CLOSE, "auth_error");
            return;
        }
        endpoint.opened(this);
        outbound.offerControl(messages.hello(connection.id()));
    }

    @Override
    public void onWebSocketText(String text) {
        heard();
        FollowChanges.Connection current = connection;
        if (current == null) {
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
                current.subscribe(subscribe.event(), subscribe.since());
            } else if (request instanceof LiveRequests.Unsubscribe unsubscribe) {
                event = unsubscribe.event();
                current.unsubscribe(unsubscribe.event());
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
        error("validation_error", "binary messages are not understood; send JSON text", Map.of("field", "message"), null);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        heard();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        heard();
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
        FollowChanges.Connection current = connection;
        if (current != null) {
            current.close();
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
        return outbound.offer(messages.change(change));
    }

    @Override
    public boolean subscribed(EventId event, long cursor) {
        return outbound.offer(messages.subscribed(event, cursor));
    }

    @Override
    public boolean presence(EventId event, UserId user, boolean online) {
        return outbound.offer(messages.presence(event, user, online));
    }

    @Override
    public void revoked(EventId event) {
        outbound.offerControl(messages.aboutEvent("revoked", event));
    }

    @Override
    public void resync(EventId event) {
        outbound.offerControl(messages.aboutEvent("resync", event));
    }

    @Override
    public void signedOut() {
        outbound.offerControl(messages.error("auth_error", "this bearer was signed out; sign in again", Map.of(), null));
        outbound.closeAfterSending(AUTH_CLOSE, "auth_error");
    }
}
