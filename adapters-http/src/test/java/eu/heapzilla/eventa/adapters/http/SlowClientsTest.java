package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow and greedy clients (ADR 0015), each on a server of its own with the limit under test made
 * small, over raw sockets: what the server answers, and that others are still served. How long
 * things take is the benchmark's business (scenario {@code slow}); here the deadlines are only
 * short enough that a test does not wait for Jetty's 30 s idle timeout, which is what the server
 * did before.
 */
class SlowClientsTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private static final String ECHO = "/api/v1/test/echo";
    private static final BiConsumer<JavalinConfig, JsonBodies> ECHO_ROUTE = (config, bodies) ->
            config.routes.post(ECHO, ctx -> ctx.json(bodies.read(ctx, HttpServerTest.Echo.class)), Access.ANYONE);

    private static HttpServer server(ClientLimits limits, BiConsumer<JavalinConfig, JsonBodies> extra) {
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, 4096).withClientLimits(limits);
        return new HttpServer(settings, LiveSettings.DEFAULT, TestPorts.inPorts(database.persistence()), extra).start();
    }

    private static String slowBodyHead(int port, String path, int length, String extraHeaders) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + extraHeaders + "Content-Length: " + length + "\r\n\r\n";
    }

    private static JsonNode assertRefusal(RawConnection.Answer answer, int status, String errorCode) {
        assertEquals(status, answer.status(), answer.head() + answer.body());
        assertTrue(answer.head().toLowerCase().contains("content-type: application/json"), answer.head());
        assertTrue(answer.closes(), "the connection is closed after a refusal: " + answer.head());
        JsonNode body = answer.json();
        assertEquals(errorCode, body.path("error_code").asText(), answer.body());
        assertTrue(body.path("detail").isTextual() && body.path("info").isObject(), answer.body());
        return body;
    }

    @Test
    void slowBodiesDoNotTakeTheThreadsThatServeOthers() throws Exception {
        // A pool of 24 threads, and twice as many requests whose bodies arrive a byte every 200 ms.
        try (HttpServer server = server(ClientLimits.DEFAULT, ECHO_ROUTE.andThen((config, bodies) ->
                config.jetty.threadPool = new QueuedThreadPool(24, 4)))) {
            List<RawConnection> slow = new ArrayList<>();
            AtomicInteger trickled = new AtomicInteger();
            AtomicBoolean trickling = new AtomicBoolean(true);
            Thread trickler = new Thread(() -> {
                while (trickling.get()) {
                    try {
                        for (RawConnection connection : slow) {
                            connection.send("x");
                        }
                        trickled.incrementAndGet();
                        Thread.sleep(200);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            try {
                for (int i = 0; i < 48; i++) {
                    slow.add(new RawConnection(server.port()).send(slowBodyHead(server.port(), ECHO, 200, "") + "{\"name\": \""));
                }
                trickler.start();
                TestClient client = new TestClient(server.port());
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> health = client.get("/health");
                    assertEquals(200, health.statusCode(), health.body());
                    Thread.sleep(200);
                }
                trickling.set(false);
                trickler.join();
                // A body that does arrive in the end is read and handled as ever.
                String end = "\", \"count\": 2}";
                int sent = trickled.get();
                RawConnection.Answer echoed = slow.get(0).send(end + " ".repeat(200 - 10 - sent - end.length())).answer();
                assertEquals(200, echoed.status(), echoed.body());
                assertEquals("x".repeat(sent), echoed.json().path("name").asText());
            } finally {
                trickling.set(false);
                trickler.join();
                for (RawConnection connection : slow) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void aHeadSentAByteAtATimeIsAnswered408AfterTheHeadTimeout() throws Exception {
        ClientLimits limits = new ClientLimits(Duration.ofSeconds(1), Duration.ofSeconds(30), 4096, 10_000, 256, 16);
        try (HttpServer server = server(limits, ECHO_ROUTE);
             RawConnection raw = new RawConnection(server.port())) {
            raw.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            assertTrue(raw.trickle("a".repeat(40), 200), "answered before the head was complete");
            JsonNode body = assertRefusal(raw.answer(), 408, "request_timeout");
            assertTrue(body.path("detail").asText().contains("head"), body.toString());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void aHeadWhoseNextByteComesLongAfterItsDeadlineIsStillAnswered408() throws Exception {
        // Found by the benchmark: a byte every 3 s got the connection closed without the 408.
        ClientLimits limits = new ClientLimits(Duration.ofSeconds(1), Duration.ofSeconds(30), 4096, 10_000, 256, 16);
        try (HttpServer server = server(limits, ECHO_ROUTE);
             RawConnection raw = new RawConnection(server.port())) {
            raw.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            Thread.sleep(LastWords.LINGER_MILLIS + 1_000);
            raw.send("a");
            assertRefusal(raw.answer(), 408, "request_timeout");
        }
    }

    @Test
    void aConnectionThatSendsNoHeadAtAllIsClosed() throws Exception {
        ClientLimits limits = new ClientLimits(Duration.ofSeconds(1), Duration.ofSeconds(30), 4096, 10_000, 256, 16);
        try (HttpServer server = server(limits, ECHO_ROUTE);
             RawConnection silent = new RawConnection(server.port())) {
            silent.timeout(12_000);
            assertTrue(silent.closedByServer(), "closed within the head timeout and its grace, not Jetty's 30 s idle timeout");
        }
    }

    @Test
    void aSmallBodyThatDoesNotArriveInTimeIsAnswered408() throws Exception {
        ClientLimits limits = new ClientLimits(Duration.ofSeconds(10), Duration.ofSeconds(1), 4096, 10_000, 256, 16);
        try (HttpServer server = server(limits, ECHO_ROUTE);
             RawConnection raw = new RawConnection(server.port())) {
            raw.send(slowBodyHead(server.port(), ECHO, 200, "") + "{\"name\": \"");
            JsonNode body = assertRefusal(raw.answer(), 408, "request_timeout");
            assertTrue(body.path("detail").asText().contains("1 s"), body.toString());
        }
    }

    @Test
    void aLargeBodyBelowTheMinimumRateIsAnswered408() throws Exception {
        try (ApiServer api = new ApiServer(database.persistence(), new ClientLimits(Duration.ofSeconds(10),
                Duration.ofSeconds(30), 4096, 10_000, 256, 16));
             RawConnection raw = new RawConnection(api.server.port())) {
            String bearer = api.signIn(ApiServer.uniqueEmail("slow"));
            // Larger than the server reads into memory (64 KiB here), so its thread reads it: an import.
            raw.send(slowBodyHead(api.server.port(), ExportRoutes.IMPORT, 100_000, "Authorization: Bearer " + bearer + "\r\n")
                    + "{\"format\": ");
            JsonNode body = assertRefusal(raw.answer(), 408, "request_timeout");
            assertTrue(body.path("detail").asText().contains("4096 bytes a second"), body.toString());
        }
    }

    @Test
    void largeBodiesInProgressAreCappedAndOthersAreStillServed() throws Exception {
        ClientLimits limits = new ClientLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 0, 10_000, 256, 1);
        try (ApiServer api = new ApiServer(database.persistence(), limits);
             RawConnection first = new RawConnection(api.server.port());
             RawConnection second = new RawConnection(api.server.port())) {
            String bearer = api.signIn(ApiServer.uniqueEmail("uploader"));
            String head = slowBodyHead(api.server.port(), ExportRoutes.IMPORT, 100_000, "Authorization: Bearer " + bearer + "\r\n");
            first.send(head + "{");
            // The first must have taken its place before the second asks; there is nothing to wait on but time.
            Thread.sleep(500);
            second.send(head + "{");
            JsonNode body = assertRefusal(second.answer(), 503, "server_busy");
            assertEquals(1, body.path("info").path("limit").asInt());
            assertEquals(200, api.get(bearer, "/api/v1/me").statusCode());
        }
    }

    @Test
    void connectionsFromOneAddressAreCappedAndCountedUntilTheyClose() throws Exception {
        ClientLimits limits = new ClientLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 4096, 10_000, 3, 16);
        try (HttpServer server = server(limits, ECHO_ROUTE)) {
            List<RawConnection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(served(server.port()));
                }
                try (RawConnection fourth = new RawConnection(server.port())) {
                    RawConnection.Answer answer = fourth.answer();
                    JsonNode body = assertRefusal(answer, 429, "too_many_connections");
                    assertEquals(3, body.path("info").path("limit").asInt());
                    assertTrue(answer.head().contains("Retry-After: "), answer.head());
                }
                held.remove(0).close();
                assertEquals(200, healthOnANewConnection(server.port()));
            } finally {
                for (RawConnection connection : held) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void connectionsInTotalAreCapped() throws Exception {
        ClientLimits limits = new ClientLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 4096, 2, 256, 16);
        try (HttpServer server = server(limits, ECHO_ROUTE);
             RawConnection one = served(server.port());
             RawConnection two = served(server.port());
             RawConnection three = new RawConnection(server.port())) {
            assertRefusal(three.answer(), 503, "server_busy");
            assertEquals(200, one.send(HEALTH).answer().status());
        }
    }

    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    /**
     * A new connection that has had one request answered, and stays open: the server has certainly
     * counted it (Jetty sets up connections on several threads, so one only opened may not be yet).
     */
    private static RawConnection served(int port) throws IOException {
        RawConnection raw = new RawConnection(port);
        assertEquals(200, raw.send(HEALTH).answer().status());
        return raw;
    }

    /**
     * {@code GET /health} on a new connection; the server learns of a closed one when it reads its
     * end, so a new connection right after may still find the old one counted: it is tried again.
     */
    private static int healthOnANewConnection(int port) throws IOException, InterruptedException {
        RawConnection.Answer answer = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try (RawConnection raw = new RawConnection(port)) {
                answer = raw.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").answer();
            }
            if (answer.status() != 429) {
                return answer.status();
            }
            Thread.sleep(100);
        }
        return answer.status();
    }
}
