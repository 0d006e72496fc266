package eu.heapzilla.eventa.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket connection to {@code /api/v1/ws} on the JDK's {@link java.net.http.WebSocket}
 * (NIO: a selector thread per {@link HttpClient}, callbacks on its executor, no thread per
 * connection), authenticated by the bearer in the {@code Authorization} header.
 *
 * <p>Every complete text frame is parsed into a {@link WsMessage} and handed, with the instant
 * its first fragment arrived, to the {@link Handler}; callbacks for one connection never
 * overlap. The client also completes {@link #hello()} and, per event, the future returned by
 * {@link #subscribe}; {@code error}, {@code resync} and {@code revoked} frames are counted.
 */
final class WsClient implements WebSocket.Listener {

    /** Hears every frame of one connection, in order, on one thread at a time. Must not block. */
    interface Handler {
        void onMessage(WsClient client, WsMessage message, Instant receivedAt);
    }

    /** Counts of frames that mean trouble, over all clients. */
    static final AtomicLong ERRORS = new AtomicLong();
    static final AtomicLong RESYNCS = new AtomicLong();
    static final AtomicLong REVOKED = new AtomicLong();
    static final AtomicLong UNEXPECTED_CLOSES = new AtomicLong();
    static final Map<String, String> FIRST_PROBLEMS = new ConcurrentHashMap<>();

    private final Handler handler;
    private final CompletableFuture<String> hello = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Long>> subscribed = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private Instant firstFragmentAt;
    private volatile WebSocket socket;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);
    private volatile boolean closing;

    private WsClient(Handler handler) {
        this.handler = handler;
    }

    /** Opens a connection; completes when the upgrade is done (before {@code hello}). */
    static CompletableFuture<WsClient> open(HttpClient http, URI uri, String bearer, Handler handler) {
        WsClient client = new WsClient(handler);
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + bearer)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, client)
                .thenApply(ws -> {
                    client.socket = ws;
                    return client;
                });
    }

    /** Completes with the connection id the server's {@code hello} carried. */
    CompletableFuture<String> hello() {
        return hello;
    }

    /** Completes with the close status code, or exceptionally when the connection failed. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    boolean isOpen() {
        WebSocket ws = socket;
        return ws != null && !ws.isInputClosed() && !ws.isOutputClosed() && !closed.isDone();
    }

    /**
     * Sends {@code subscribe} ({@code since} omitted when negative: changes from now on only);
     * the future completes with the cursor of the {@code subscribed} answer.
     */
    CompletableFuture<Long> subscribe(String event, long since) {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        subscribed.put(event, answer);
        String frame = since < 0
                ? "{\"type\":\"subscribe\",\"event_id\":\"" + event + "\"}"
                : "{\"type\":\"subscribe\",\"event_id\":\"" + event + "\",\"since\":" + since + "}";
        send(frame).whenComplete((ws, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    /** Sends one text frame after the previous one went out (the JDK allows one outstanding send). */
    synchronized CompletableFuture<WebSocket> send(String text) {
        sending = sending.handle((ws, failure) -> null).thenCompose(ignored -> socket.sendText(text, true));
        return sending;
    }

    /** Closes politely (1000); aborts if the server does not answer within 5 s. */
    CompletableFuture<Integer> close() {
        closing = true;
        WebSocket ws = socket;
        if (ws == null || closed.isDone()) {
            return closed;
        }
        synchronized (this) {
            sending = sending.handle((x, failure) -> null).thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
        }
        return closed.completeOnTimeout(-1, 5, java.util.concurrent.TimeUnit.SECONDS).whenComplete((code, failure) -> {
            if (!ws.isInputClosed()) {
                ws.abort();
            }
        });
    }

    void abort() {
        closing = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        closed.complete(-1);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (partial.length() == 0 && firstFragmentAt == null) {
            firstFragmentAt = Instant.now();
        }
        String text;
        if (last && partial.length() == 0) {
            text = data.toString();
        } else {
            partial.append(data);
            if (!last) {
                webSocket.request(1);
                return null;
            }
            text = partial.toString();
            partial.setLength(0);
        }
        Instant receivedAt = firstFragmentAt;
        firstFragmentAt = null;
        try {
            dispatch(WsMessage.parse(text), receivedAt);
        } catch (RuntimeException e) {
            FIRST_PROBLEMS.putIfAbsent("handler failed", e + " on " + text);
        }
        webSocket.request(1);
        return null;
    }

    private void dispatch(WsMessage message, Instant receivedAt) {
        // The handler first, so that whoever waits on a future below sees what the handler recorded.
        handler.onMessage(this, message, receivedAt);
        switch (message.type()) {
            case "hello" -> hello.complete(message.connectionId());
            case "subscribed" -> {
                CompletableFuture<Long> answer = subscribed.get(message.eventId());
                if (answer != null) {
                    answer.complete(message.cursor());
                }
            }
            case "error" -> {
                ERRORS.incrementAndGet();
                FIRST_PROBLEMS.putIfAbsent("error " + message.errorCode(), message.text());
                // An error about an event fails its pending subscribe; one about no event fails them all.
                subscribed.forEach((event, answer) -> {
                    if (message.eventId() == null || message.eventId().equals(event)) {
                        answer.completeExceptionally(new IllegalStateException("server said: " + message.text()));
                    }
                });
            }
            case "resync" -> {
                RESYNCS.incrementAndGet();
                FIRST_PROBLEMS.putIfAbsent("resync", message.text());
                failPending(message);
            }
            case "revoked" -> {
                REVOKED.incrementAndGet();
                FIRST_PROBLEMS.putIfAbsent("revoked", message.text());
                failPending(message);
            }
            default -> { }
        }
    }

    /** A subscription that ended before its {@code subscribed} will not get one. */
    private void failPending(WsMessage message) {
        CompletableFuture<Long> answer = message.eventId() == null ? null : subscribed.get(message.eventId());
        if (answer != null) {
            answer.completeExceptionally(new IllegalStateException("server said: " + message.text()));
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        FIRST_PROBLEMS.putIfAbsent("binary frame", data.remaining() + " bytes");
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) {
            UNEXPECTED_CLOSES.incrementAndGet();
            FIRST_PROBLEMS.putIfAbsent("server closed " + statusCode, reason);
        }
        hello.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        subscribed.values().forEach(answer -> answer.completeExceptionally(
                new IllegalStateException("closed " + statusCode + " " + reason)));
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closing) {
            UNEXPECTED_CLOSES.incrementAndGet();
            FIRST_PROBLEMS.putIfAbsent("connection failed " + error.getClass().getSimpleName(), String.valueOf(error.getMessage()));
        }
        hello.completeExceptionally(error);
        subscribed.values().forEach(answer -> answer.completeExceptionally(error));
        closed.completeExceptionally(error);
    }
}
