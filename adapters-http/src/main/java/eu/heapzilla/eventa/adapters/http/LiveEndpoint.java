package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import eu.heapzilla.eventa.domain.member.UserId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.UpgradeRequest;

/**
 * {@code GET /api/v1/ws}: the live endpoint (DESIGN §5), a Jetty WebSocket servlet beside
 * Javalin's so that pongs are seen. The bearer comes in the {@code Authorization} header or as
 * {@code ?bearer=}; this servlet writes no request log, so the query never reaches a log. The
 * server pings every connection each {@link LiveSettings#pingInterval()} and drops one that
 * has sent nothing for two intervals. It counts its connections and their subscriptions, and times
 * each live change from its commit to its frame queued for a connection.
 */
final class LiveEndpoint extends JettyWebSocketServlet {

    static final String PATH = "/api/v1/ws";

    private final transient FollowChanges followChanges;
    private final transient LiveSettings settings;
    private final transient LiveMessages messages;
    private final transient LiveRequests requests;
    private final transient ObjectMapper mapper;
    private final transient Timer fanOutLatency;
    private final transient Set<LiveSocket> sockets = ConcurrentHashMap.newKeySet();
    private final transient ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eventa-live-pings");
        thread.setDaemon(true);
        return thread;
    });

    private final transient PageSite site;
    private final transient ApiGuard guard;
    private final transient ClientAddresses clients;
    private final transient LiveBudget budget;

    LiveEndpoint(FollowChanges followChanges, LiveSettings settings, ObjectMapper mapper, Timer fanOutLatency, PageSite site,
                 ApiGuard guard, ClientAddresses clients) {
        this.site = site;
        this.guard = guard;
        this.clients = clients;
        this.budget = new LiveBudget(settings);
        this.followChanges = followChanges;
        this.settings = settings;
        this.mapper = mapper;
        this.fanOutLatency = fanOutLatency;
        this.messages = new LiveMessages(mapper);
        this.requests = new LiveRequests(mapper);
        long interval = settings.pingInterval().toMillis();
        pinger.scheduleAtFixedRate(this::pingAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        // A backstop only: pings keep a healthy connection busy, and pingAll drops silent ones sooner.
        factory.setIdleTimeout(settings.pingInterval().multipliedBy(4));
        factory.setMaxTextMessageSize(LiveSettings.HARD_MESSAGE_LIMIT);
        factory.setMaxBinaryMessageSize(LiveSettings.HARD_MESSAGE_LIMIT);
        factory.setCreator((request, response) -> new LiveSocket(this, messages, settings.maxQueuedBytes(),
                settings.messagesPerConnection()));
    }

    /**
     * A plain GET (no upgrade) gets 426 in the API's error shape; a query that is not valid
     * percent-encoding 400, as on Javalin's routes ({@link RequestTarget}), before the upgrade reads it.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException,
            jakarta.servlet.ServletException {
        if (!RequestTarget.wellFormed(request.getQueryString())) {
            RequestTarget.Malformed malformed = new RequestTarget.Malformed("query");
            refuse(response, 400, new ApiError(malformed.getMessage(), "validation_error", java.util.Map.of("field", "query")));
            return;
        }
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            super.service(request, response);
            return;
        }
        response.setHeader("Upgrade", "websocket");
        refuse(response, 426, ApiError.of("upgrade_required", "this endpoint speaks WebSocket only: send the upgrade headers"));
    }

    private void refuse(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        mapper.writeValue(response.getOutputStream(), error);
    }

    LiveSettings settings() {
        return settings;
    }

    LiveRequests requests() {
        return requests;
    }

    /**
     * Opens the core's connection for the socket's bearer, or says why there is none: no valid
     * bearer (4401), the bearer's request allowance spent (an upgrade is a request like any other;
     * 4429), or its address holding as many live connections as it may (4429). A user over their
     * limit gets the new connection, and their oldest is closed.
     */
    Optional<FollowChanges.Connection> connect(Session session, LiveSocket socket) {
        UpgradeRequest request = session.getUpgradeRequest();
        Secret bearer;
        FollowChanges.Connection connection;
        try {
            bearer = bearerOf(request);
            connection = followChanges.connect(bearer, socket);
        } catch (Unauthenticated e) {
            socket.refused(LiveSocket.AUTH_CLOSE, "auth_error", e.detail(), Map.of());
            return Optional.empty();
        }
        try {
            guard.requestWith(bearer);
        } catch (TooManyRequests e) {
            connection.close();
            socket.refused(LiveSocket.TOO_MANY_CLOSE, "rate_limited", e.getMessage(),
                    Map.of("retry_after_seconds", e.retryAfterSeconds()));
            return Optional.empty();
        }
        String address = clients.of(request.getHeader("X-Forwarded-For"), peer(session));
        LiveBudget.Admission admission = budget.admit(socket, connection.user(), address);
        if (!admission.admitted()) {
            connection.close();
            socket.refused(LiveSocket.TOO_MANY_CLOSE, "too_many_connections", "too many live connections from your address (at most "
                    + budget.perAddress() + ")", Map.of("limit", budget.perAddress()));
            return Optional.empty();
        }
        socket.admitted(connection.user(), address);
        admission.evicted().ifPresent(oldest -> oldest.evict("this user opened more than " + budget.perUser()
                + " live connections; the oldest was closed", budget.perUser()));
        return Optional.of(connection);
    }

    private static String peer(Session session) {
        SocketAddress remote = session.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress()
                : String.valueOf(remote);
    }

    /** An admitted connection ended. */
    void left(LiveSocket socket, UserId user, String address) {
        budget.left(socket, user, address);
    }

    private Secret bearerOf(UpgradeRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && !header.isBlank()) {
            return Authentication.fromHeader(header);
        }
        List<String> query = request.getParameterMap().getOrDefault("bearer", List.of());
        if (query.isEmpty() && site.sessionCookie() != null) {
            return sessionOf(request);
        }
        if (query.size() != 1) {
            throw new Unauthenticated("the live endpoint needs a bearer: send 'Authorization: Bearer <token>' or ?bearer=");
        }
        return Authentication.parse(query.get(0));
    }

    /**
     * A browser's page opens the socket with its session cookie. Browsers send cookies with any
     * site's upgrade request, so the cookie counts only when {@code Origin} names the page site.
     */
    private Secret sessionOf(UpgradeRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || !site.ownOrigin(origin)) {
            throw new Unauthenticated("the live endpoint needs a bearer: send 'Authorization: Bearer <token>' or ?bearer=");
        }
        return request.getCookies().stream()
                .filter(cookie -> cookie.getName().equals(site.sessionCookie()))
                .map(cookie -> Authentication.parse(cookie.getValue()))
                .findFirst()
                .orElseThrow(() -> new Unauthenticated("this browser is not signed in"));
    }

    void opened(LiveSocket socket) {
        sockets.add(socket);
    }

    void closed(LiveSocket socket) {
        sockets.remove(socket);
    }

    /** The open connections with a valid bearer. */
    int connections() {
        return sockets.size();
    }

    /** The events followed live, summed over the open connections: a closed one counts for nothing. */
    int subscriptions() {
        return sockets.stream().mapToInt(LiveSocket::following).sum();
    }

    /** A live change was queued for a connection: time since its commit (0 when the writer's clock ran ahead). */
    void fannedOut(Change change) {
        Duration latency = Duration.between(change.at(), Instant.now());
        fanOutLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private void pingAll() {
        long deadline = System.nanoTime() - settings.pingInterval().multipliedBy(2).toNanos();
        for (LiveSocket socket : sockets) {
            Session session = socket.session();
            if (session == null) {
                continue;
            }
            try {
                if (socket.lastHeardNanos() - deadline < 0) {
                    session.disconnect();
                    socket.onWebSocketClose(1001, "no answer to pings");
                } else {
                    session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
                }
            } catch (RuntimeException e) {
                // One broken connection must not stop the pings of the others.
                socket.onWebSocketError(e);
            }
        }
    }

    /** Stops pinging; the connections themselves close with the server. */
    void stop() {
        pinger.shutdownNow();
    }
}
