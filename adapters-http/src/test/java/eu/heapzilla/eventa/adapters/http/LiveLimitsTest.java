package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that misbehave, on a server with a small per-connection queue and fast pings: one that
 * stops reading is told to resync and left behind without holding up anyone else; one that never
 * answers pings is dropped; a frame beyond every limit closes the connection with 1009.
 */
class LiveLimitsTest {

    private static final int WRITERS = 4;
    private static final int WRITES_EACH = 250;
    private static final LiveSettings TIGHT = new LiveSettings(Duration.ofMillis(300), 2048, 4096);

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static String alex;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence(), TIGHT);
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aClientThatStopsReadingIsToldToResyncAndDelaysNobody() throws Exception {
        // Pings every 30 s here: the sleepy client is alive, only slow. The server's socket send
        // buffers are small, as on a busy mobile link, so that the kernel does not absorb megabytes.
        try (ApiServer patient = new ApiServer(database.persistence(), new LiveSettings(Duration.ofSeconds(30), 16 * 1024, 4096),
                config -> config.jetty.addConnector((server, http) -> {
                    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                    connector.setHost("127.0.0.1");
                    connector.setAcceptedSendBufferSize(4096);
                    return connector;
                }))) {
            stopReading(patient, patient.signIn(ApiServer.uniqueEmail("bo")));
        }
    }

    private static void stopReading(ApiServer api, String alex) throws Exception {
        String event = api.createEvent(alex, "Wedding");
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            tasks.add(LiveApiTest.task(api, alex, event));
        }
        try (RawWebSocket sleepy = new RawWebSocket(api.server.port(), alex, 2048);
             LiveClient awake = api.live(alex)) {
            assertEquals("hello", TestClient.json(sleepy.read().text()).path("type").asText());
            sleepy.sendText("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\"}");
            long cursor = awake.subscribe(event, null);
            assertEquals("subscribed", TestClient.json(sleepy.read().text()).path("type").asText());

            // The sleepy client reads nothing more while thousands of changes happen; the awake one gets them all.
            List<Thread> writers = new ArrayList<>();
            for (String task : tasks) {
                Thread writer = new Thread(() -> {
                    long version = 1;
                    for (int i = 0; i < WRITES_EACH; i++) {
                        version = LiveApiTest.rename(api, alex, event, task, version, "Change " + i, null);
                    }
                });
                writers.add(writer);
                writer.start();
            }
            long total = (long) WRITERS * WRITES_EACH;
            for (long seq = cursor + 1; seq <= cursor + total; seq++) {
                JsonNode change = awake.next();
                assertEquals("change", change.path("type").asText(), "the awake client was never told to resync: " + change);
                assertEquals(seq, change.path("seq").asLong());
            }
            for (Thread writer : writers) {
                writer.join(10_000);
            }

            List<JsonNode> frames = new ArrayList<>();
            while (true) {
                RawWebSocket.Frame frame = readOrNull(sleepy);
                if (frame == null) {
                    break;
                }
                if (frame.opcode() == RawWebSocket.TEXT) {
                    JsonNode json = TestClient.json(frame.text());
                    frames.add(json);
                    if (json.path("type").asText().equals("resync")) {
                        break;
                    }
                }
            }
            JsonNode last = frames.get(frames.size() - 1);
            assertEquals("resync", last.path("type").asText(), "the sleepy client was told to resync");
            assertEquals(event, last.path("event_id").asText());
            int delivered = frames.size() - 1;
            assertTrue(delivered < total, "it was left behind after " + delivered + " changes");
            for (int i = 0; i < delivered; i++) {
                assertEquals(cursor + 1 + i, frames.get(i).path("seq").asLong(), "what it did get came in order");
            }
            LiveApiTest.rename(api, alex, event, tasks.get(0), WRITES_EACH + 1, "After the resync", null);
            assertEquals(cursor + total + 1, awake.next("change").path("seq").asLong());
            RawWebSocket.Frame after = readOrNull(sleepy);
            assertTrue(after == null || after.opcode() != RawWebSocket.TEXT, "no more changes after resync");
        }
    }

    /** The next frame, or null when none comes within a second. */
    private static RawWebSocket.Frame readOrNull(RawWebSocket socket) throws IOException {
        try {
            return socket.read();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    @Test
    void aClientThatNeverAnswersPingsIsDropped() throws Exception {
        try (RawWebSocket silent = new RawWebSocket(api.server.port(), alex, 64 * 1024)) {
            assertEquals("hello", TestClient.json(silent.read().text()).path("type").asText());
            long started = System.nanoTime();
            int pings = 0;
            RawWebSocket.Frame frame;
            while ((frame = silent.read()) != null && frame.opcode() != RawWebSocket.CLOSE) {
                if (frame.opcode() == RawWebSocket.PING) {
                    pings++;
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(pings >= 1, "the server pinged before giving up");
            // Pings written every 300 ms keep Jetty's idle timeout from firing: only the silence check drops it.
            assertTrue(millis < 3_000, "dropped after " + millis + " ms, about two ping intervals of silence");
        }
    }

    @Test
    void aFrameBeyondTheHardLimitClosesWith1009() throws Exception {
        try (RawWebSocket greedy = new RawWebSocket(api.server.port(), alex, 64 * 1024)) {
            assertEquals("hello", TestClient.json(greedy.read().text()).path("type").asText());
            greedy.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(LiveSettings.HARD_MESSAGE_LIMIT) + "\"}");
            RawWebSocket.Frame frame = greedy.read();
            while (frame != null && frame.opcode() != RawWebSocket.CLOSE) {
                frame = greedy.read();
            }
            assertNotNull(frame, "a close frame, not a dropped connection");
            assertEquals(1009, frame.closeCode());
        }
        try (LiveClient fine = api.live(alex)) {
            fine.send("{\"type\":\"ping\"}");
            assertEquals("pong", fine.next().path("type").asText(), "the server is unharmed");
        }
    }
}
