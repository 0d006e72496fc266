package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each live connection's message allowance, over real WebSockets: the excess is refused with
 * {@code rate_limited} while other connections carry on, protocol pings are free, and a flood
 * far beyond the allowance is closed with 1008.
 */
class LiveMessageLimitsTest {

    /** One message back every two seconds: the excess is refused at once, and the wait after it stays short. */
    private static final RateLimit FEW_MESSAGES = new RateLimit(5, Duration.ofSeconds(10));
    private static final String PING = "{\"type\":\"ping\"}";

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static String alex;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence(), ApiServer.GENEROUS_API,
                new LiveSettings(Duration.ofSeconds(25), 1024 * 1024, 4096, FEW_MESSAGES));
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The retry_after_seconds of a {@code rate_limited} error frame, which must be above zero. */
    private static long rateLimited(JsonNode frame) {
        assertEquals("error", frame.path("type").asText(), frame.toString());
        assertEquals("rate_limited", frame.path("error_code").asText(), frame.toString());
        assertTrue(frame.path("detail").isTextual() && !frame.path("detail").asText().isBlank(), frame.toString());
        long seconds = frame.path("info").path("retry_after_seconds").asLong();
        assertTrue(seconds > 0, frame.toString());
        return seconds;
    }

    @Test
    void messagesOverTheAllowanceAreRefusedWhileTheConnectionAndOthersCarryOn() throws InterruptedException {
        String event = api.createEvent(alex, "Wedding");
        try (LiveClient phone = api.live(alex); LiveClient laptop = api.live(alex)) {
            phone.subscribe(event, null);
            for (int i = 1; i < FEW_MESSAGES.requests(); i++) {
                phone.send(PING);
                assertEquals("pong", phone.next().path("type").asText(), "message " + (i + 1) + " is within the allowance");
            }
            phone.send(PING);
            phone.send("{\"type\":\"unsubscribe\",\"event_id\":\"" + event + "\"}");
            long retryAfter = rateLimited(phone.next());
            rateLimited(phone.next());

            String task = LiveApiTest.task(api, alex, event);
            JsonNode change = phone.next("change");
            assertEquals(task, change.path("entity_id").asText(), "the refused unsubscribe was not done");
            laptop.send(PING);
            assertEquals("pong", laptop.next().path("type").asText(), "another connection has its own allowance");

            Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
            phone.send(PING);
            assertEquals("pong", phone.next().path("type").asText(), "served again after the wait");
            assertTrue(phone.drain().isEmpty(), "one answer to each message");
        }
    }

    @Test
    void protocolPingsAreFreeButBinaryMessagesCount() throws IOException {
        try (RawWebSocket raw = new RawWebSocket(api.server.port(), alex, 64 * 1024)) {
            assertEquals("hello", TestClient.json(raw.read().text()).path("type").asText());
            for (int i = 0; i < 4 * FEW_MESSAGES.requests(); i++) {
                raw.send(RawWebSocket.PING, new byte[] {(byte) i});
            }
            raw.sendText(PING);
            assertEquals("pong", nextText(raw).path("type").asText(), "pings of the protocol took nothing");
            for (int i = 1; i < FEW_MESSAGES.requests(); i++) {
                raw.send(RawWebSocket.BINARY, new byte[] {1, 2, 3});
                assertEquals("validation_error", nextText(raw).path("error_code").asText());
            }
            raw.sendText(PING);
            rateLimited(nextText(raw));
        }
    }

    @Test
    void aFloodFarBeyondTheAllowanceIsClosedWith1008() throws IOException {
        int floodAt = FEW_MESSAGES.requests() * (1 + LiveSettings.FLOOD_FACTOR);
        try (RawWebSocket flood = new RawWebSocket(api.server.port(), alex, 64 * 1024)) {
            assertEquals("hello", TestClient.json(flood.read().text()).path("type").asText());
            for (int i = 0; i < floodAt + 20; i++) {
                flood.sendText(PING);
            }
            List<JsonNode> answers = new ArrayList<>();
            RawWebSocket.Frame frame = flood.read();
            while (frame != null && frame.opcode() != RawWebSocket.CLOSE) {
                if (frame.opcode() == RawWebSocket.TEXT) {
                    answers.add(TestClient.json(frame.text()));
                }
                frame = flood.read();
            }
            assertNotNull(frame, "a close frame, not a dropped connection");
            assertEquals(1008, frame.closeCode());
            for (int i = 0; i < FEW_MESSAGES.requests(); i++) {
                assertEquals("pong", answers.get(i).path("type").asText(), "the allowance was answered first");
            }
            List<JsonNode> refused = answers.stream().filter(answer -> !answer.path("type").asText().equals("pong")).toList();
            refused.forEach(LiveMessageLimitsTest::rateLimited);
            assertTrue(refused.size() >= FEW_MESSAGES.requests() * LiveSettings.FLOOD_FACTOR,
                    "refused " + refused.size() + " before closing");
            assertTrue(answers.size() < floodAt + 20, "what came after the flood was decided was ignored");
        }
        try (LiveClient fine = api.live(alex)) {
            fine.send(PING);
            assertEquals("pong", fine.next().path("type").asText(), "the server is unharmed");
        }
    }

    /** The next text frame as JSON, past protocol frames (pongs). */
    private static JsonNode nextText(RawWebSocket socket) throws IOException {
        RawWebSocket.Frame frame = socket.read();
        while (frame != null && frame.opcode() != RawWebSocket.TEXT) {
            frame = socket.read();
        }
        assertNotNull(frame, "the connection ended");
        return TestClient.json(frame.text());
    }
}
