package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.ports.out.Clock;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page a sign-in mail's link opens, driven the way a browser without JavaScript would. */
class VerifyPageTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static final CapturingMailer mailer = new CapturingMailer();
    private static HttpServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = new HttpServer(new HttpSettings("127.0.0.1", 0, 4096),
                TestPorts.inPorts(TestPorts.useCases(database.persistence(), Clock.system(), mailer))).start();
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Secret mailedToken() {
        String email = "page-" + UUID.randomUUID() + "@example.org";
        assertEquals(202, client.postJson("/api/v1/auth/magic-link", "{\"email\": \"" + email + "\"}").statusCode());
        return mailer.lastTokenFor(email);
    }

    private static HttpResponse<String> submit(String form) {
        return client.send(client.request("/verify").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Test
    void theLinkShowsAPageWithAFormThatPostsTheTokenAndAnAppLink() {
        Secret token = mailedToken();

        HttpResponse<String> page = client.get("/verify?token=" + token.reveal());

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("eventa"), html);
        Matcher form = Pattern.compile("<form method=\"post\" action=\"/verify\">\\s*<input type=\"hidden\" name=\"token\" value=\"([^\"]+)\">")
                .matcher(html);
        assertTrue(form.find(), html);
        assertEquals(token.reveal(), form.group(1));
        assertTrue(html.contains("href=\"eventa://verify?token=" + token.reveal() + "\""), html);
        assertFalse(html.contains("<script"), "works without JavaScript");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("form-action 'self'"), csp);
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void fetchingThePageAsOftenAsAMailScannerLikesNeverUsesTheToken() {
        Secret token = mailedToken();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("/verify?token=" + token.reveal()).statusCode());
            assertEquals(200, client.send(client.request("/verify?token=" + token.reveal())
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
        }
        HttpResponse<String> verified = client.postJson("/api/v1/auth/verify", "{\"token\": \"" + token.reveal() + "\"}");
        assertEquals(200, verified.statusCode(), verified.body());
    }

    @Test
    void pressingTheButtonSignsInOnceAndShowsSuccess() {
        Secret token = mailedToken();
        String form = "token=" + URLEncoder.encode(token.reveal(), StandardCharsets.UTF_8);

        HttpResponse<String> done = submit(form);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("You're signed in"), done.body());

        HttpResponse<String> again = submit(form);
        assertEquals(410, again.statusCode());
        assertTrue(again.body().contains("already been used"), again.body());
        assertTrue(again.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }

    @Test
    void anIncompleteOrUnknownLinkGetsAPageSayingSoNotAStackTrace() {
        HttpResponse<String> missing = client.get("/verify");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("incomplete"), missing.body());

        HttpResponse<String> mangled = client.get("/verify?token=%3Cscript%3Ealert(1)%3C/script%3E");
        assertEquals(400, mangled.statusCode());
        assertFalse(mangled.body().contains("<script>"), mangled.body());

        HttpResponse<String> unknown = submit("token=" + Secret.generate(new SecureRandom()).reveal());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("not known"), unknown.body());

        assertEquals(400, submit("nothing=here").statusCode());
        assertEquals(400, client.send(client.request("/verify").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": 1}"))).statusCode());
    }
}
