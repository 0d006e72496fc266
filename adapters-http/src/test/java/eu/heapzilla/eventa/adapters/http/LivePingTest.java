package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocketListener;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live endpoint answers every Ping frame with a Pong carrying the same payload (RFC 6455
 * §5.5.2, §5.5.3), as three independent clients see it: the JDK's, Java-WebSocket's and
 * OkHttp's. OkHttp with {@code pingInterval} and Java-WebSocket with its lost-connection check
 * give up on a connection whose pings go unanswered, which is what they did before.
 *
 * <p>{@link #aConnectionKeptAliveByClientPingsStaysOpenWithoutAReconnect} holds a connection
 * open the way a phone does (OkHttp pinging every 10 s, for 2 minutes, against the server's
 * defaults: a ping every 25 s, a connection silent for 50 s dropped, Jetty's idle timeout at
 * 100 s) on a clock ten times faster: the server pings every 2.5 s and OkHttp every second, for
 * 12 s. Every interval keeps its proportion, so the run has what the real 2 minutes have: 12
 * client pings each answered before the next (OkHttp fails the socket otherwise), 4 server pings
 * and more than one idle timeout's length, on one connection that still carries a change at the
 * end. What it cannot show is that nothing between a real phone and the server (a proxy, a NAT)
 * closes the connection on its own clock. {@code -Deventa.live.realTime=true} runs it on the real
 * clock (2 minutes).
 */
class LivePingTest {

    private static final boolean REAL_TIME = Boolean.getBoolean("eventa.live.realTime");
    private static final int SPEED_UP = REAL_TIME ? 1 : 10;
    private static final Duration SERVER_PINGS = LiveSettings.DEFAULT.pingInterval().dividedBy(SPEED_UP);
    private static final Duration CLIENT_PINGS = Duration.ofSeconds(10).dividedBy(SPEED_UP);
    private static final Duration HELD_FOR = Duration.ofMinutes(2).dividedBy(SPEED_UP);

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static String alex;
    private static String event;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence(), new LiveSettings(SERVER_PINGS, 1024 * 1024, 4096));
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
        event = api.createEvent(alex, "Jane's wedding");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theJdkClientGetsAPongWithThePayloadOfEachOfItsPings() throws Exception {
        BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + alex)
                .buildAsync(uri(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
                        pongs.add(StandardCharsets.UTF_8.decode(message).toString());
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        try {
            for (String payload : List.of("one", "two", "", "x".repeat(125))) {
                socket.sendPing(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8))).join();
                assertEquals(payload, pongs.poll(5, TimeUnit.SECONDS), "the pong for ping '" + payload + "'");
            }
        } finally {
            socket.abort();
        }
    }

    @Test
    void javaWebSocketGetsAPongForEachPingAndItsLostConnectionCheckHolds() throws Exception {
        try (JavaWebSocket client = JavaWebSocket.connect(alex, 1)) {
            for (String payload : List.of("a", "bb", "ccc")) {
                PingFrame ping = new PingFrame();
                ping.setPayload(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)));
                client.sendFrame(ping);
                assertEquals(payload, client.pongs.poll(5, TimeUnit.SECONDS));
            }
            // Its own check pings every second and closes (1006) a connection without a pong for 1.5 s.
            Thread.sleep(3_500);
            assertTrue(client.isOpen(), "still open after its lost-connection check ran three times: " + client.closedWith.get());
            client.closeBlocking();
        }
    }

    @Test
    void aConnectionKeptAliveByClientPingsStaysOpenWithoutAReconnect() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        OkHttpClient okHttp = new OkHttpClient.Builder().pingInterval(CLIENT_PINGS).build();
        okhttp3.WebSocket phone = okHttp.newWebSocket(new okhttp3.Request.Builder().url(uri().toString())
                .header("Authorization", "Bearer " + alex).build(), new WebSocketListener() {
                    @Override
                    public void onOpen(okhttp3.WebSocket webSocket, Response response) {
                        opened.incrementAndGet();
                    }

                    @Override
                    public void onMessage(okhttp3.WebSocket webSocket, String text) {
                        frames.add(TestClient.json(text));
                    }

                    @Override
                    public void onFailure(okhttp3.WebSocket webSocket, Throwable t, Response response) {
                        failure.set(t);
                    }
                });
        try (JavaWebSocket laptop = JavaWebSocket.connect(alex, 2)) {
            JsonNode hello = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(hello, "OkHttp had no hello within 10 s; it failed with " + failure.get());
            assertEquals("hello", hello.path("type").asText());
            phone.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\"}");
            assertEquals("subscribed", next(frames).path("type").asText());
            laptop.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\"}");
            assertEquals("subscribed", laptop.nextOfType("subscribed").path("type").asText());

            long deadline = System.nanoTime() + HELD_FOR.toNanos();
            while (System.nanoTime() < deadline && failure.get() == null && laptop.isOpen()) {
                Thread.sleep(100);
            }

            assertNull(failure.get(), "OkHttp gave the connection up");
            assertTrue(laptop.isOpen(), "Java-WebSocket gave the connection up: " + laptop.closedWith.get());
            assertEquals(1, opened.get(), "one connection, never reopened");
            assertEquals(1, laptop.opened.get());
            api.expect(201, api.call(alex, "POST", "/api/v1/events/" + event + "/tasks", "{\"title\": \"Flowers\"}"));
            JsonNode change;
            do {
                change = next(frames);
            } while (!change.path("type").asText().equals("change"));
            assertEquals("task", change.path("entity_type").asText(), change.toString());
            assertEquals("change", laptop.nextOfType("change").path("type").asText());
        } finally {
            phone.close(1000, "done");
            okHttp.dispatcher().executorService().shutdown();
        }
    }

    private static URI uri() {
        return URI.create("ws://127.0.0.1:" + api.server.port() + LiveEndpoint.PATH);
    }

    private static JsonNode next(BlockingQueue<JsonNode> frames) throws InterruptedException {
        JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
        assertNotNull(frame, "no frame within 10 s");
        return frame;
    }

    /** Java-WebSocket's client, with the pongs and text frames it receives in queues. */
    static final class JavaWebSocket extends WebSocketClient implements AutoCloseable {

        final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicReference<String> closedWith = new AtomicReference<>();

        private JavaWebSocket(String bearer) {
            super(uri(), Map.of("Authorization", "Bearer " + bearer));
        }

        /** Connected, with its lost-connection check every {@code lostAfterSeconds}. */
        static JavaWebSocket connect(String bearer, int lostAfterSeconds) throws InterruptedException {
            JavaWebSocket client = new JavaWebSocket(bearer);
            client.setConnectionLostTimeout(lostAfterSeconds);
            assertTrue(client.connectBlocking(5, TimeUnit.SECONDS), "connected");
            return client;
        }

        JsonNode nextOfType(String type) throws InterruptedException {
            while (true) {
                JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
                assertNotNull(frame, "no " + type + " frame within 10 s");
                if (frame.path("type").asText().equals(type)) {
                    return frame;
                }
            }
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened.incrementAndGet();
        }

        @Override
        public void onMessage(String message) {
            frames.add(TestClient.json(message));
        }

        @Override
        public void onWebsocketPong(org.java_websocket.WebSocket conn, Framedata frame) {
            super.onWebsocketPong(conn, frame);
            pongs.add(StandardCharsets.UTF_8.decode(frame.getPayloadData()).toString());
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closedWith.accumulateAndGet(code + " " + reason + (remote ? " (remote)" : ""),
                    (before, now) -> before == null ? now : before + "; " + now);
        }

        @Override
        public void onError(Exception e) {
            closedWith.accumulateAndGet(e.toString(), (before, now) -> before == null ? now : before + "; " + now);
        }

    }
}
