package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged servers, two processes, one database: a write through either reaches a live
 * connection on the other, through PostgreSQL {@code LISTEN/NOTIFY} alone.
 */
class TwoInstancesIT {

    private static final Duration READY_LIMIT = Duration.ofSeconds(90);
    private static final Pattern SIGN_IN_TOKEN = Pattern.compile("/verify\\?token=([A-Za-z0-9_-]{43})");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void aWriteThroughEitherServerReachesALiveConnectionOnTheOther() throws Exception {
        DatabaseSettings database = TestDatabase.fresh();
        Map<String, String> env = Map.of("EVENTA_DATABASE_URL",
                database.jdbcUrl().replace("jdbc:postgresql://", "postgresql://" + database.user() + "@"));
        try (JarProcess one = JarProcess.start(workDir, env); JarProcess two = JarProcess.start(workDir, env)) {
            one.awaitReady(READY_LIMIT);
            two.awaitReady(READY_LIMIT);
            String bearer = signIn(one, "olga@example.org");
            String event = post(one, bearer, "/api/v1/events", "{\"title\": \"Wedding\"}").path("id").asText();

            BlockingQueue<JsonNode> onTwo = new LinkedBlockingQueue<>();
            BlockingQueue<JsonNode> onOne = new LinkedBlockingQueue<>();
            WebSocket socketOnTwo = connect(two, bearer, onTwo);
            WebSocket socketOnOne = connect(one, bearer, onOne);
            subscribe(socketOnTwo, onTwo, event);
            subscribe(socketOnOne, onOne, event);

            String task = post(one, bearer, "/api/v1/events/" + event + "/tasks", "{\"title\": \"Book the florist\"}")
                    .path("id").asText();
            JsonNode heardOnTwo = next(onTwo, "change");
            assertEquals(task, heardOnTwo.path("entity_id").asText());
            assertEquals("created", heardOnTwo.path("op").asText());
            assertEquals(task, next(onOne, "change").path("entity_id").asText());

            String household = post(two, bearer, "/api/v1/events/" + event + "/households", "{\"name\": \"The Müllers\"}")
                    .path("id").asText();
            assertEquals(household, next(onOne, "change").path("entity_id").asText());
            assertEquals(household, next(onTwo, "change").path("entity_id").asText());
            socketOnOne.abort();
            socketOnTwo.abort();
            one.stop();
            two.stop();
        }
    }

    private String signIn(JarProcess server, String email) throws Exception {
        send(server, null, "POST", "/api/v1/auth/magic-link", "{\"email\": \"" + email + "\"}", 202);
        String token = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (token == null && System.nanoTime() < deadline) {
            token = latestToken();
            if (token == null) {
                Thread.sleep(50);
            }
        }
        assertNotNull(token, "no sign-in mail in " + workDir);
        return send(server, null, "POST", "/api/v1/auth/verify", "{\"token\": \"" + token + "\"}", 200).path("bearer").asText();
    }

    private String latestToken() throws IOException {
        Path mail = workDir.resolve("eventa-data/mail");
        if (!Files.isDirectory(mail)) {
            return null;
        }
        try (Stream<Path> files = Files.list(mail)) {
            Path newest = files.filter(f -> f.toString().endsWith(".eml"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified())).orElse(null);
            if (newest == null) {
                return null;
            }
            Matcher token = SIGN_IN_TOKEN.matcher(Files.readString(newest));
            return token.find() ? token.group(1) : null;
        }
    }

    private static JsonNode post(JarProcess server, String bearer, String path, String json) throws Exception {
        return send(server, bearer, "POST", path, json, 201);
    }

    private static JsonNode send(JarProcess server, String bearer, String method, String path, String json, int status)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static WebSocket connect(JarProcess server, String bearer, BlockingQueue<JsonNode> frames) throws Exception {
        WebSocket socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + bearer)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port + "/api/v1/ws"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                frames.add(JSON.readTree(partial.toString()));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        next(frames, "hello");
        return socket;
    }

    private static void subscribe(WebSocket socket, BlockingQueue<JsonNode> frames, String event) throws Exception {
        socket.sendText("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\"}", true).get(5, TimeUnit.SECONDS);
        next(frames, "subscribed");
    }

    /** The next frame that is not presence, which must be of {@code type}. */
    private static JsonNode next(BlockingQueue<JsonNode> frames, String type) throws InterruptedException {
        while (true) {
            JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(frame, "no " + type + " within 10 s");
            if (!frame.path("type").asText().equals("presence")) {
                assertEquals(type, frame.path("type").asText(), frame.toString());
                return frame;
            }
        }
    }
}
