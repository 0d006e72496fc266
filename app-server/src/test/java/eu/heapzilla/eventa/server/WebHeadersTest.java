package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app's headers and refusals as a browser receives them (asking for gzip): a CSP without
 * inline script, no framing, fingerprinted assets cached for a year, and an error page — never
 * JSON, never a 500 — for a path, an id or a form that is not right.
 */
class WebHeadersTest {

    @TempDir
    static Path dir;
    static WebServer server;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        server = WebServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Accept-Encoding", "gzip").header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return new Wrapped(response, text);
    }

    @Test
    void pagesForbidInlineScriptAndFramingAndReferThemselvesOnly() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        Matcher inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page.body());
        assertFalse(inline.find(), "no inline script: " + page.body());
        assertFalse(page.body().matches("(?s).*\\son[a-z]+=.*"), "no inline event handlers");
    }

    @Test
    void assetsHaveFingerprintedNamesAndAreCachedForAYear() throws Exception {
        String html = get("/signin").body();
        Matcher css = Pattern.compile("href=\"(/assets/app\\.[0-9a-f]{10}\\.css)\"").matcher(html);
        assertTrue(css.find(), html);
        HttpResponse<String> asset = get(css.group(1));
        assertEquals(200, asset.statusCode());
        assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(asset.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(asset.body().contains(".card"), "the stylesheet itself");
        Matcher htmx = Pattern.compile("src=\"(/assets/htmx\\.[0-9a-f]{10}\\.js)\"").matcher(html);
        assertTrue(htmx.find(), html);
        assertTrue(get(htmx.group(1)).body().contains("htmx"));

        HttpResponse<String> stale = get("/assets/app.0000000000.css");
        assertEquals(404, stale.statusCode(), "an old fingerprint is not served as the new file");
        assertTrue(stale.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void unknownPathsMalformedIdsAndIncompleteLinksGetPagesNotJsonAndNever500() throws Exception {
        for (String path : new String[] {"/no-such-page", "/events/not-a-uuid", "/events/00000000-0000-0000-0000-000000000000",
                "/verify", "/verify?token=short", "/invite?token=" + "A".repeat(43)}) {
            HttpResponse<String> page = get(path);
            int status = page.statusCode();
            assertTrue(status == 303 || (status >= 400 && status < 500), path + " answered " + status);
            if (status != 303) {
                assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                assertTrue(page.body().contains("<h1>"), path + ": " + page.body());
            } else {
                assertTrue(page.headers().firstValue("Location").orElse("").startsWith("/signin"), path);
            }
        }
        assertEquals(404, get("/no-such-page").statusCode());
        assertEquals(400, get("/verify").statusCode());
        assertEquals(404, get("/invite?token=" + "A".repeat(43)).statusCode());
        HttpResponse<String> api = get("/api/v1/no-such-route");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "the API keeps JSON");
    }

    @Test
    void aFormFromAnotherSiteIsRefusedAndSendsNoMail() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(server.url("/signin")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("email=victim%40example.org")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("another site"), refused.body());
        Thread.sleep(1500);
        assertEquals(0, server.mailsTo("victim@example.org"), "no sign-in mail went out");
    }

    /** A response whose body was decoded from gzip. */
    private record Wrapped(HttpResponse<byte[]> raw, String body) implements HttpResponse<String> {
        public int statusCode() {
            return raw.statusCode();
        }

        public HttpRequest request() {
            return raw.request();
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return raw.headers();
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return raw.sslSession();
        }

        public URI uri() {
            return raw.uri();
        }

        public HttpClient.Version version() {
            return raw.version();
        }
    }
}
