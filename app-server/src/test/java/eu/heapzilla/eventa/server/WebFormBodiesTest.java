package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web app's forms are {@code application/x-www-form-urlencoded}. A form target sent any other
 * body (a {@code multipart/form-data} one, as a hostile or confused client sends, JSON, plain
 * text) gets the site's 415 page, not a 500; no browser is needed to show it.
 */
class WebFormBodiesTest {

    @TempDir
    static Path dir;
    static WebServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = WebServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify", "/invite", "/signin", "/signout"})
    void aMultipartBodyIsThe415PageNotA500(String path) throws Exception {
        String boundary = "eventa-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n"
                + "a".repeat(43) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> answer = post(path, "multipart/form-data; boundary=" + boundary, body);
        assertPage(answer, 415);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/verify | application/json | {\"token\": \"x\"}",
        "/invite | text/plain | token=x",
        "/verify | multipart/form-data | garbage",
        "/invite | multipart/form-data; boundary=x | --x\r\nbroken"})
    void anyBodyButAFormIsThe415Page(String path, String contentType, String body) throws Exception {
        assertPage(post(path, contentType, body), 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify", "/invite"})
    void aFormWithAnUnknownTokenIsStillA4xxPage(String path) throws Exception {
        HttpResponse<String> answer = post(path, "application/x-www-form-urlencoded", "token=" + "a".repeat(43));
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, answer.statusCode() + " " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", contentType)
                .header("Origin", server.base())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPage(HttpResponse<String> answer, int status) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), answer.headers().toString());
        assertTrue(answer.body().contains("<html"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }
}
