package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client of the live endpoint (the JDK's): every text frame it receives lands
 * in a queue the test reads with bounded waits; presence frames, which come whenever members
 * come and go, in a queue of their own.
 */
final class LiveClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> presence = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    final String connectionId;
    /** The changes the last {@link #subscribe} replayed. */
    final List<JsonNode> replayed = new ArrayList<>();

    private LiveClient(URI uri, String authorization) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
        JsonNode first = next();
        this.connectionId = "hello".equals(first.path("type").asText()) ? first.path("connection_id").asText() : null;
        if (connectionId == null) {
            received.add(first);
        }
    }

    /** Connects with {@code Authorization: Bearer <bearer>} and reads the hello. */
    static LiveClient connect(int port, String bearer) {
        LiveClient client = new LiveClient(uri(port, ""), "Bearer " + bearer);
        assertNotNull(client.connectionId, "no hello");
        return client;
    }

    /** Connects with any Authorization header (none when null) and a query string; the hello is not required. */
    static LiveClient open(int port, String authorization, String query) {
        return new LiveClient(uri(port, query), authorization);
    }

    private static URI uri(int port, String query) {
        return URI.create("ws://127.0.0.1:" + port + LiveEndpoint.PATH + query);
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /**
     * Subscribes and returns the cursor of the {@code subscribed} answer; the changes replayed
     * before it are in {@link #replayed}, checked to run from {@code since + 1} without gaps.
     */
    long subscribe(String event, Long since) {
        send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\"" + (since == null ? "" : ",\"since\":" + since) + "}");
        replayed.clear();
        while (true) {
            JsonNode frame = next();
            if (frame.path("type").asText().equals("subscribed")) {
                return frame.path("cursor").asLong();
            }
            assertEquals("change", frame.path("type").asText(), frame.toString());
            if (since != null) {
                assertEquals(since + 1 + replayed.size(), frame.path("seq").asLong(), "replayed in order without gaps");
            }
            replayed.add(frame);
        }
    }

    /** The next frame other than presence, within {@link #WAIT}. */
    JsonNode next() {
        return poll(received);
    }

    /** The next presence frame, within {@link #WAIT}. */
    JsonNode nextPresence() {
        return poll(presence);
    }

    private static JsonNode poll(BlockingQueue<JsonNode> queue) {
        try {
            JsonNode frame = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                fail("no frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame of {@code type}, which must be the next one of its kind (presence or not). */
    JsonNode next(String type) {
        JsonNode frame = type.equals("presence") ? nextPresence() : next();
        assertEquals(type, frame.path("type").asText(), frame.toString());
        return frame;
    }

    /** The next {@code count} frames, which must all be changes. */
    List<JsonNode> changes(int count) {
        List<JsonNode> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            changes.add(next("change"));
        }
        return changes;
    }

    /** Everything received so far and not yet read. */
    List<JsonNode> drain() {
        List<JsonNode> frames = new ArrayList<>();
        received.drainTo(frames);
        return frames;
    }

    /** The close code the server sent, within {@link #WAIT}. */
    int closeCode() {
        return closed.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(failure -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = TestClient.json(partial.toString());
                (frame.path("type").asText().equals("presence") ? presence : received).add(frame);
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
