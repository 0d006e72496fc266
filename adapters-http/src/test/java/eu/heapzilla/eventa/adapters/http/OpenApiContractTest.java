package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import io.swagger.v3.oas.models.SpecVersion;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document and the server agree, both ways: the document is valid OpenAPI 3.1,
 * every route the server registers is documented, every documented operation is a route, and
 * the response check every end-to-end test's client runs catches a response that breaks the
 * document.
 */
class OpenApiContractTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static final OpenApiContract contract = OpenApiContract.get();
    private static ApiServer api;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        assertEquals(List.of(), contract.parserMessages());
        assertEquals("3.1.0", contract.openApi().getOpenapi());
        assertEquals(SpecVersion.V31, contract.openApi().getSpecVersion());
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        assertEquals(List.of(), contract.routeMismatches(routesOf(api.server)));
    }

    @Test
    void aRouteTheDocumentLacksIsReportedAsExactlyThat() {
        try (HttpServer server = new HttpServer(new HttpSettings("127.0.0.1", 0, 1024), LiveSettings.DEFAULT,
                TestPorts.inPorts(database.persistence()), (config, bodies) ->
                config.routes.get("/api/v1/events/{event}/seating-plan", ctx -> ctx.json(Map.of()), Access.MEMBER))) {
            assertEquals(List.of("undocumented route: GET /api/v1/events/{event}/seating-plan"),
                    contract.routeMismatches(routesOf(server)));
        }
    }

    @Test
    void anOperationWithoutARouteIsReportedAsExactlyThat() {
        List<HttpServer.Route> withoutTimeline = new ArrayList<>(routesOf(api.server));
        assertTrue(withoutTimeline.removeIf(route -> route.path().equals(TimelineRoutes.TIMELINE)));
        assertEquals(List.of("documented, but no such route: GET /api/v1/events/{event}/timeline"),
                contract.routeMismatches(withoutTimeline));
    }

    @Test
    void aResponseThatBreaksItsOperationsSchemaIsCaught() {
        String bearer = api.signIn(ApiServer.uniqueEmail("drift"));
        String path = "/api/v1/events/" + api.createEvent(bearer, "Drift party");
        HttpResponse<String> real = api.get(bearer, path);
        assertEquals(200, real.statusCode(), real.body());
        assertEquals(List.of(), check(real, 200, real.headers(), real.body()), "the real response is documented");

        ObjectNode drifted = (ObjectNode) TestClient.json(real);
        drifted.remove("version");
        drifted.put("colour", "red");
        drifted.put("date", "next Tuesday");
        drifted.put("role", "guest");
        List<String> violations = check(real, 200, real.headers(), drifted.toString());
        assertEquals(4, violations.size(), violations.toString());
        assertMentions(violations, "required property 'version'");
        assertMentions(violations, "'version'");
        assertMentions(violations, "'colour'");
        assertMentions(violations, "body/date");
        assertMentions(violations, "body/role");
    }

    @Test
    void anUndocumentedStatusAMissingHeaderAndAWrongContentTypeAreCaught() {
        String bearer = api.signIn(ApiServer.uniqueEmail("drift"));
        HttpResponse<String> real = api.get(bearer, "/api/v1/me");
        assertEquals(200, real.statusCode(), real.body());

        assertEquals(List.of("status 418 is not documented for GET /api/v1/me (documented: 200, 401, 429)"),
                check(real, 418, real.headers(), real.body()));
        assertEquals(List.of("header X-Request-Id is missing"),
                check(real, 200, without(real.headers(), "X-Request-Id"), real.body()));
        assertEquals(List.of("content type text/plain is not documented (documented: application/json)"),
                check(real, 200, with(real.headers(), "Content-Type", "text/plain"), real.body()));
        assertMentions(check(real, 200, with(real.headers(), "X-Request-Id", "not a request id!"), real.body()),
                "header X-Request-Id 'not a request id!'");
    }

    @Test
    void theClientOfTheEndToEndTestsFailsOnAnUndocumentedResponse() {
        try (HttpServer server = new HttpServer(new HttpSettings("127.0.0.1", 0, 1024), LiveSettings.DEFAULT,
                TestPorts.inPorts(database.persistence()), (config, bodies) ->
                config.routes.get("/api/v1/test/undocumented", ctx -> ctx.json(Map.of("surprise", true)), Access.ANYONE))
                .start()) {
            AssertionError refused = assertThrows(AssertionError.class,
                    () -> new TestClient(server.port()).get("/api/v1/test/undocumented"));
            assertTrue(refused.getMessage().startsWith("the response to GET /api/v1/test/undocumented (200) does not match"),
                    refused.getMessage());
            assertEquals(200, new TestClient(server.port(), "/api/v1/test/").get("/api/v1/test/undocumented").statusCode());
        }
    }

    /** The server's routes, and its live endpoint, a servlet beside Javalin's router. */
    static List<HttpServer.Route> routesOf(HttpServer server) {
        return Stream.concat(server.routes().stream(), Stream.of(new HttpServer.Route("GET", LiveEndpoint.PATH, Set.of())))
                .toList();
    }

    private static List<String> check(HttpResponse<String> real, int status, HttpHeaders headers, String body) {
        return contract.violations(real.request().method(), real.request().uri().getRawPath(), status, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMentions(List<String> violations, String text) {
        assertTrue(violations.stream().anyMatch(violation -> violation.contains(text)), text + " in " + violations);
    }

    private static HttpHeaders without(HttpHeaders headers, String name) {
        return HttpHeaders.of(headers.map(), (header, value) -> !header.equalsIgnoreCase(name));
    }

    private static HttpHeaders with(HttpHeaders headers, String name, String value) {
        Map<String, List<String>> changed = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        changed.putAll(headers.map());
        changed.put(name, List.of(value));
        return HttpHeaders.of(changed, (header, v) -> true);
    }
}
