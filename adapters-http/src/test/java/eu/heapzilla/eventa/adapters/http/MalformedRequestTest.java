package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile or careless client can put in a request line or its headers ends in a 4xx in
 * the documented error shape, on every route: broken percent-encoding in any path segment or in
 * the query, dates at the edges of what Java can represent, request lines and headers Jetty
 * refuses before any route sees them, whatever the method. HEAD is answered as GET would be.
 */
class MalformedRequestTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static final Pattern PARAM = Pattern.compile("\\{[^}]+}|<[^>]+>");
    private static final String SOME_ID = "0b5e7a8c-2f0e-4c1a-9d7b-3e2f1a0c9d8e";
    private static ApiServer api;
    private static int port;
    private static String alex;
    private static String event;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        port = api.server.port();
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
        event = api.createEvent(alex, "Jane's wedding");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    // --- percent-encoding ---

    @TestFactory
    Stream<DynamicTest> brokenPercentEncodingInAnyPathSegmentOfAnyRouteIsA400() {
        List<DynamicTest> tests = new ArrayList<>();
        for (HttpServer.Route route : api.server.routes()) {
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(route.method())) {
                continue;
            }
            List<String> params = new ArrayList<>();
            Matcher matcher = PARAM.matcher(route.path());
            while (matcher.find()) {
                params.add(matcher.group());
            }
            for (int broken = 0; broken < params.size(); broken++) {
                String path = route.path();
                for (int i = 0; i < params.size(); i++) {
                    path = path.replace(params.get(i), i == broken ? "%u0041" : SOME_ID);
                }
                String target = path;
                tests.add(DynamicTest.dynamicTest(route.method() + " " + target, () ->
                        assertMalformed(RawHttp.request(port, route.method(), target, alex), "path")));
            }
        }
        assertTrue(tests.size() > 40, "every route with an id in its path: " + tests.size());
        return tests.stream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs/%u0041", "/api/v1/events/%u0041", "/%u0041", "/api/v1/ws/%u0041"})
    void brokenPercentEncodingAnywhereInThePathIsA400(String target) {
        assertMalformed(RawHttp.request(port, "GET", target, alex), "path");
    }

    /** Jetty refuses these itself, before any handler: the error shape, without a field. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events/abc%", "/api/v1/events/abc%4", "/api/v1/events/%ff%fe", "/api/v1/events/%00",
            "/api/v1/events/%4g"})
    void aPathJettyCannotDecodeIsA400InTheErrorShape(String target) {
        assertError(RawHttp.request(port, "GET", target, alex), 400, "validation_error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?since=%u0041", "?since=%zz", "?limit=1&x=%", "?%u0041=1"})
    void brokenPercentEncodingInTheQueryIsA400(String query) {
        assertMalformed(RawHttp.request(port, "GET", "/api/v1/events/" + event + "/changes" + query, alex), "query");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"})
    void theLiveEndpointRefusesABrokenQueryBeforeTheUpgrade(String upgrade) {
        assertMalformed(RawHttp.exchange(port, "GET /api/v1/ws?bearer=%u0041 HTTP/1.1\r\nHost: x\r\n" + upgrade
                + "Connection: close\r\n\r\n"), "query");
    }

    @Test
    void wellFormedEscapesStillWork() {
        assertEquals(200, RawHttp.request(port, "GET", "/api/v1/events/" + event + "/changes?since=%30", alex).status());
        RawHttp.Answer encodedId = RawHttp.request(port, "GET", "/api/v1/events/%30" + event.substring(1), alex);
        assertTrue(encodedId.status() == 200 || encodedId.status() == 404, encodedId.raw());
    }

    // --- numbers and dates at their type's edges ---

    @ParameterizedTest
    @ValueSource(strings = {"/tasks?due_before=-999999999-01-01", "/tasks?due_before=%2B999999999-12-31",
            "/tasks?due_before=+999999999-12-31", "/tasks?due_before=10000-01-01", "/tasks?due_before=-0001-01-01",
            "/timeline?today=-999999999-01-01", "/timeline?today=%2B999999999-12-31", "/timeline?today=99999-01-01"})
    void datesAtTheEdgesOfLocalDateAreA400NamingTheParameter(String query) {
        String field = query.substring(query.indexOf('?') + 1, query.indexOf('='));
        RawHttp.Answer answer = RawHttp.request(port, "GET", "/api/v1/events/" + event + query, alex);
        JsonNode body = assertError(answer, 400, "validation_error");
        assertEquals(field, body.path("info").path("field").asText(), answer.body());
    }

    @Test
    void theEarliestAndLatestFourDigitDatesAreStillAnswered() {
        assertEquals(200, RawHttp.request(port, "GET", "/api/v1/events/" + event + "/tasks?due_before=0001-01-01", alex).status());
        assertEquals(200, RawHttp.request(port, "GET", "/api/v1/events/" + event + "/tasks?due_before=9999-12-31", alex).status());
        assertEquals(200, RawHttp.request(port, "GET", "/api/v1/events/" + event + "/timeline?today=9999-12-31", alex).status());
    }

    @Test
    void aDateAtTheEdgeInABodyIsA400Too() {
        String task = api.expect(201, api.call(alex, "POST", "/api/v1/events/" + event + "/tasks",
                "{\"title\": \"Flowers\"}")).path("id").asText();
        for (String due : List.of("+999999999-12-31", "-999999999-01-01", "10000-01-01")) {
            RawHttp.Answer answer = RawHttp.exchange(port, "PATCH /api/v1/events/" + event + "/tasks/" + task
                    + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + alex + "\r\nContent-Type: application/json\r\n"
                    + "If-Match: \"1\"\r\nContent-Length: " + ("{\"due_on\":\"" + due + "\"}").length()
                    + "\r\nConnection: close\r\n\r\n{\"due_on\":\"" + due + "\"}");
            assertError(answer, 400, "validation_error");
        }
    }

    // --- what Jetty refuses before the routes ---

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "FOO"})
    void oversizedHeadersAreA431InTheErrorShapeWhateverTheMethod(String method) {
        RawHttp.Answer answer = RawHttp.exchange(port, method + " /api/v1/events HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(20_000) + "\r\n\r\n");
        assertError(answer, 431, "request_header_fields_too_large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "FOO"})
    void aMalformedHeaderIsA400InTheErrorShapeWhateverTheMethod(String method) {
        assertError(RawHttp.exchange(port, method + " /api/v1/events HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n"),
                400, "validation_error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /health HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nX-Big: %s\r\n\r\n",
            "DELETE /health HTTP/1.1\r\nHost: x\r\nAccept: image/png\r\nAccept-Charset: koi8-r\r\nX-Big: %s\r\n\r\n"})
    void theShapeDoesNotDependOnWhatTheClientAccepts(String request) {
        assertError(RawHttp.exchange(port, request.formatted("a".repeat(20_000))), 431, "request_header_fields_too_large");
    }

    @Test
    void aRequestLineWithoutAVersionIsNamedForWhatItIs() {
        assertError(RawHttp.exchange(port, "FOO BAR\r\n\r\n"), 505, "http_version_not_supported");
    }

    @Test
    void aTooLongRequestTargetIsA414InTheErrorShape() {
        assertError(RawHttp.exchange(port, "PUT /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "uri_too_long");
    }

    // --- HEAD ---

    @TestFactory
    Stream<DynamicTest> headOfEveryGetRouteAnswersAsTheGetWithoutABody() {
        String stranger = api.signIn(ApiServer.uniqueEmail("stranger"));
        List<DynamicTest> tests = new ArrayList<>();
        for (HttpServer.Route route : api.server.routes()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            String path = PARAM.matcher(route.path().replace("{event}", event)).replaceAll(SOME_ID);
            for (String bearer : new String[] {alex, stranger, null}) {
                tests.add(DynamicTest.dynamicTest("HEAD " + path + (bearer == alex ? " as the owner" : bearer == null
                        ? " signed out" : " as a stranger"), () -> {
                    RawHttp.Answer get = RawHttp.request(port, "GET", path, bearer);
                    RawHttp.Answer head = RawHttp.request(port, "HEAD", path, bearer);
                    assertEquals(get.status(), head.status(), "HEAD " + path + ": " + head.raw() + "\nGET: " + get.raw());
                    assertEquals("", head.body(), "HEAD has no body");
                    assertEquals(get.header("Content-Type"), head.header("Content-Type"), path);
                    assertEquals(get.header("ETag"), head.header("ETag"), path);
                    assertEquals(get.header("WWW-Authenticate"), head.header("WWW-Authenticate"), path);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void headOfAMissingEventIsA404() {
        RawHttp.Answer head = RawHttp.request(port, "HEAD", "/api/v1/events/" + SOME_ID, alex);
        assertEquals(404, head.status(), head.raw());
        assertEquals("", head.body());
        assertEquals(401, RawHttp.request(port, "HEAD", "/api/v1/events/" + event, null).status());
    }

    @Test
    void headOfAnEventCarriesTheGetsLengthAndEtag() {
        RawHttp.Answer get = RawHttp.request(port, "GET", "/api/v1/events/" + event, alex);
        RawHttp.Answer head = RawHttp.request(port, "HEAD", "/api/v1/events/" + event, alex);
        assertEquals(200, head.status(), head.raw());
        assertEquals(get.header("ETag"), head.header("ETag"));
        assertEquals(Integer.toString(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                head.header("Content-Length"), head.raw());
    }

    // --- the same refusals, as a browser's client asks ---

    @Test
    void aBrowserKeepsItsOneConnectionAcrossRefusals() {
        try (BrowserClient browser = new BrowserClient(port)) {
            String tasks = "/api/v1/events/" + event + "/tasks";
            assertEquals(200, browser.get(tasks, alex).status());
            assertEquals(400, browser.get(tasks + "?due_before=%2B999999999-12-31", alex).status());
            assertEquals(404, browser.get("/api/v1/events/" + SOME_ID, alex).status());
            assertEquals(404, browser.head("/api/v1/events/" + SOME_ID, alex).status());
            assertEquals(401, browser.get(tasks, null).status());
            assertEquals(405, browser.json("PUT", tasks, alex, "{}").status());
            assertEquals(200, browser.head(tasks, alex).status());
            BrowserClient.Answer last = browser.get(tasks, alex);
            assertEquals(200, last.status());
            assertEquals(1, browser.connectionsOpened(), "every answer, refusals too, kept the connection open");
        }
    }

    // --- helpers ---

    private static void assertMalformed(RawHttp.Answer answer, String field) {
        JsonNode body = assertError(answer, 400, "validation_error");
        assertEquals(field, body.path("info").path("field").asText(), answer.raw());
    }

    static JsonNode assertError(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.raw());
        assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/json"), answer.raw());
        JsonNode body = TestClient.json(answer.body());
        assertEquals(code, body.path("error_code").asText(), answer.raw());
        assertTrue(body.path("detail").isTextual() && !body.path("detail").asText().isBlank(), answer.raw());
        assertTrue(body.path("info").isObject(), answer.raw());
        assertEquals(3, body.size(), answer.raw());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("u0041"), answer.raw());
        return body;
    }
}
