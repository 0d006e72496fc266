package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpServerTest {

    static final long MAX_BODY = 4096;
    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static HttpServer server;
    private static TestClient client;

    /** What a route reads in the tests of the JSON body rules. */
    record Echo(String name, int count) {
    }

    @BeforeAll
    static void start() {
        PostgresPersistence persistence = database.persistence();
        server = new HttpServer(new HttpSettings("127.0.0.1", 0, MAX_BODY), LiveSettings.DEFAULT, TestPorts.inPorts(persistence), (config, bodies) -> {
            config.routes.post("/api/v1/test/echo", ctx -> ctx.json(bodies.read(ctx, Echo.class)), Access.ANYONE);
            config.routes.get("/api/v1/test/boom", ctx -> {
                throw new IllegalStateException("secret internals of the server");
            }, Access.ANYONE);
            config.routes.get("/api/v1/test/invalid", ctx -> {
                throw new InvalidValue("display_name", "display_name must not be empty");
            }, Access.ANYONE);
            config.routes.get("/api/v1/test/missing", ctx -> {
                throw new NotFound("event");
            }, Access.ANYONE);
        }).start();
        client = new TestClient(server.port(), "/api/v1/test/");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthSaysTheProcessIsAlive() {
        HttpResponse<String> response = client.get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("ok", TestClient.json(response).path("status").asText());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void readySaysTheDatabaseAnswers() {
        HttpResponse<String> response = client.get("/ready");
        assertEquals(200, response.statusCode());
        assertEquals("ready", TestClient.json(response).path("status").asText());
    }

    @Test
    void everyResponseCarriesARequestIdAndAGoodOneIsKept() {
        String generated = client.get("/health").headers().firstValue("X-Request-Id").orElseThrow();
        UUID.fromString(generated);
        assertNotEquals(generated, client.get("/health").headers().firstValue("X-Request-Id").orElseThrow());

        HttpResponse<String> kept = client.send(client.request("/health").header("X-Request-Id", "edge-42.a:b"));
        assertEquals("edge-42.a:b", kept.headers().firstValue("X-Request-Id").orElseThrow());

        HttpResponse<String> replaced = client.send(client.request("/health").header("X-Request-Id", "x".repeat(65)));
        assertNotEquals("x".repeat(65), replaced.headers().firstValue("X-Request-Id").orElseThrow());

        HttpResponse<String> onError = client.get("/api/v1/nowhere");
        assertTrue(onError.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void anUnknownRouteIsA404InTheErrorShape() {
        assertError(client.get("/api/v1/nowhere"), 404, "not_found");
        assertError(client.get("/"), 404, "not_found");
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405() {
        assertError(client.send(client.request("/health").DELETE()), 405, "method_not_allowed");
    }

    @Test
    void a405SaysWhichMethodsThePathHas() {
        HttpResponse<String> health = client.send(client.request("/health").DELETE());
        assertEquals("GET, HEAD", health.headers().firstValue("Allow").orElse("none"));
        HttpResponse<String> events = client.send(client.request("/api/v1/events").PUT(HttpRequest.BodyPublishers.noBody()));
        assertError(events, 405, "method_not_allowed");
        assertEquals("GET, HEAD, POST", events.headers().firstValue("Allow").orElse("none"));
        HttpResponse<String> event = client.send(client.request("/api/v1/events/" + UUID.randomUUID()).POST(
                HttpRequest.BodyPublishers.noBody()));
        assertError(event, 405, "method_not_allowed");
        assertEquals("GET, HEAD, PATCH, DELETE", event.headers().firstValue("Allow").orElse("none"));
    }

    @Test
    void malformedJsonIsA400() {
        JsonNode body = assertError(client.postJson("/api/v1/test/echo", "{\"name\": \"Jane\", "), 400, "validation_error");
        assertEquals("request body is not valid JSON", body.path("detail").asText());
    }

    @Test
    void unknownFieldsWrongTypesAndNonObjectsAre400sNamingTheField() {
        JsonNode unknown = assertError(client.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":1,\"admin\":true}"),
                400, "validation_error");
        assertEquals("admin", unknown.path("info").path("field").asText());

        JsonNode wrongType = assertError(client.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":\"many\"}"),
                400, "validation_error");
        assertEquals("count", wrongType.path("info").path("field").asText());

        JsonNode stringForNumber = assertError(client.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":\"3\"}"),
                400, "validation_error");
        assertEquals("count", stringForNumber.path("info").path("field").asText());

        for (String notText : java.util.List.of("42", "4.2", "true")) {
            JsonNode scalarForText = assertError(client.postJson("/api/v1/test/echo", "{\"name\":" + notText + ",\"count\":1}"),
                    400, "validation_error");
            assertEquals("name", scalarForText.path("info").path("field").asText());
        }

        assertError(client.postJson("/api/v1/test/echo", "[1,2,3]"), 400, "validation_error");
        assertError(client.postJson("/api/v1/test/echo", "null"), 400, "validation_error");
        assertEquals("request body is empty",
                assertError(client.postJson("/api/v1/test/echo", ""), 400, "validation_error").path("detail").asText());
        assertEquals("request body must be a JSON object",
                assertError(client.postJson("/api/v1/test/echo", "[1,2,3]"), 400, "validation_error").path("detail").asText());
        assertError(client.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"count\":1} {}"), 400, "validation_error");
        assertError(client.postJson("/api/v1/test/echo", "{\"name\":\"a\",\"name\":\"b\",\"count\":1}"), 400, "validation_error");
    }

    @Test
    void aWellFormedBodyIsRead() {
        HttpResponse<String> response = client.postJson("/api/v1/test/echo", "{\"name\":\"Jane\",\"count\":3}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode echoed = TestClient.json(response);
        assertEquals("Jane", echoed.path("name").asText());
        assertEquals(3, echoed.path("count").asInt());
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        assertError(client.send(client.request("/api/v1/test/echo").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=Jane"))), 415, "unsupported_media_type");
    }

    @Test
    void anOversizedBodyIsA413WhetherDeclaredOrChunked() {
        String big = "{\"name\":\"" + "x".repeat((int) MAX_BODY) + "\",\"count\":1}";
        assertError(client.postJson("/api/v1/test/echo", big), 413, "too_large");
        assertError(client.postJson("/health", big), 413, "too_large");

        InputStream chunked = new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8));
        assertError(client.send(client.request("/api/v1/test/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> chunked))), 413, "too_large");
    }

    @Test
    void aClientThatSendsAnOversizedBodyAnywayStillReadsThe413() {
        // Megabytes in flight when the server answers from the declared length: were they left
        // unread, closing the connection would reset it under the client before it read the answer.
        String big = "{\"name\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";
        for (int i = 0; i < 10; i++) {
            assertError(client.postJson("/api/v1/test/echo", big), 413, "too_large");
        }
        assertEquals(200, client.get("/health").statusCode());
    }

    @Test
    void anUnexpectedFailureIsA500WithAnErrorIdAndNoInternals() {
        HttpResponse<String> response = client.get("/api/v1/test/boom");
        JsonNode body = assertError(response, 500, "internal_error");
        UUID.fromString(body.path("info").path("error_id").asText());
        assertFalse(response.body().contains("secret internals"));
        assertFalse(response.body().contains("IllegalStateException"));
    }

    @Test
    void domainRefusalsKeepTheirCodeAndField() {
        JsonNode invalid = assertError(client.get("/api/v1/test/invalid"), 400, "validation_error");
        assertEquals("display_name", invalid.path("info").path("field").asText());
        assertError(client.get("/api/v1/test/missing"), 404, "not_found");
    }

    @Test
    void requestsJettyRejectsBeforeRoutingStillGetTheErrorShape() throws IOException {
        String garbage = rawExchange("THIS IS NOT HTTP\r\n\r\n");
        assertTrue(garbage.startsWith("HTTP/1.1 400"), garbage);
        assertTrue(garbage.contains("\"error_code\":\"validation_error\""), garbage);

        String hugeHeader = rawExchange("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertTrue(hugeHeader.startsWith("HTTP/1.1 431"), hugeHeader);
        assertTrue(hugeHeader.contains("\"error_code\":"), hugeHeader);
        assertFalse(hugeHeader.contains("<html"), hugeHeader);
    }

    private static String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A request refused before its body is read (here: no bearer) whose body arrives after the
     * refusal was decided: the client still reads the refusal, and the connection stays open for the
     * next request, as a browser or OkHttp reuses it.
     */
    @Test
    void aRefusalWaitsForTheBodyInFlightAndKeepsTheConnection() throws Exception {
        String body = "{\"title\": \"" + "x".repeat(3000) + "\"}";
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answers = new StringBuilder();
            byte[] buffer = new byte[8192];
            while (!answers.toString().contains("\"status\":\"ok\"")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answers.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String text = answers.toString();
            assertTrue(text.startsWith("HTTP/1.1 401"), text);
            assertTrue(text.contains("\"status\":\"ok\""), "the same connection then answered /health: " + text);
        }
    }
}
