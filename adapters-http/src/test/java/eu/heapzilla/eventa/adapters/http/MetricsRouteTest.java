package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} itself: open without a token, behind it with one, and in OpenMetrics when asked. */
class MetricsRouteTest {

    private static final String TOKEN = "metr1cs-T0ken_0123456789abcdef";

    private static HttpServer server(Optional<String> token) {
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, 1024, false, SignInLimits.DEFAULT,
                HttpSettings.DEFAULT_FILE_MAX_BYTES, ApiLimits.DEFAULT, token);
        return new HttpServer(settings, TestPorts.inPorts(new InMemoryAdapters().useCases())).start();
    }

    /**
     * A scrape on a connection of its own: Jetty's header cache is case-insensitive, so on a kept-alive
     * connection a header differing from the previous one only in case would be read as that one.
     */
    private static HttpResponse<String> scrape(int port, String authorization) {
        TestClient client = new TestClient(port);
        return client.send(authorization == null ? client.request(MetricsRoute.PATH).GET()
                : client.request(MetricsRoute.PATH).header("Authorization", authorization).GET());
    }

    @Test
    void withoutATokenAnyoneMayReadThemAsPrometheusText() {
        try (HttpServer server = server(Optional.empty())) {
            TestClient client = new TestClient(server.port());
            client.get("/health");

            HttpResponse<String> response = scrape(server.port(), null);

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(MetricsRoute.TEXT, response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("# TYPE jvm_memory_used_bytes gauge"), response.body());
            MetricsText metrics = MetricsText.await(client, text -> text.value("eventa_http_requests_seconds_count",
                    "method", "GET", "route", "/health", "status", "200"), count -> count == 1, () -> "the health check counted");
            assertTrue(metrics.text.contains("# TYPE eventa_http_requests_seconds histogram"), metrics.text);
            assertEquals(200, scrape(server.port(), "Bearer whatever-it-is-0123456789").statusCode(), "a bearer is not looked at");
        }
    }

    @Test
    void withATokenOnlyItsBearerMayReadThem() {
        try (HttpServer server = server(Optional.of(TOKEN))) {
            List<String> refused = List.of("Bearer " + TOKEN.substring(1), "Bearer " + TOKEN + "x", "Basic " + TOKEN, TOKEN,
                    "Bearer", "Bearer " + TOKEN.toUpperCase(Locale.ROOT));
            for (String authorization : refused) {
                HttpResponse<String> response = scrape(server.port(), authorization);
                assertEquals(401, response.statusCode(), authorization);
                JsonNode error = TestClient.json(response);
                assertEquals("auth_error", error.path("error_code").asText(), response.body());
                assertTrue(error.path("detail").isTextual());
                assertTrue(error.path("info").isObject());
                assertFalse(response.body().contains("jvm_"), "nothing of the metrics");
            }
            HttpResponse<String> missing = scrape(server.port(), null);
            assertEquals(401, missing.statusCode());
            assertEquals("auth_error", TestClient.json(missing).path("error_code").asText());
            assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

            HttpResponse<String> allowed = scrape(server.port(), "Bearer " + TOKEN);
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertEquals(200, scrape(server.port(), "bearer  " + TOKEN + " ").statusCode(), "the scheme in any case, spaces around the token");

            // The refused scrapes are counted (a misconfigured scraper shows up), under the route, not the token.
            MetricsText metrics = MetricsText.await(() -> MetricsText.of(scrape(server.port(), "Bearer " + TOKEN).body()),
                    text -> text.value("eventa_http_requests_seconds_count", "method", "GET", "route", MetricsRoute.PATH,
                            "status", "401"), count -> count == refused.size() + 1, () -> "every refusal counted");
            assertFalse(metrics.text.contains(TOKEN.substring(4)), "the token is not in the metrics");
        }
    }

    @Test
    void aScraperAskingForOpenMetricsGetsIt() {
        try (HttpServer server = server(Optional.empty())) {
            TestClient client = new TestClient(server.port());

            HttpResponse<String> response = client.send(client.request(MetricsRoute.PATH).header("Accept",
                    "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1").GET());

            assertEquals(200, response.statusCode());
            assertEquals(MetricsRoute.OPEN_METRICS, response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
            assertTrue(response.body().contains("# TYPE jvm_memory_used_bytes gauge"));
        }
    }

    @Test
    void aTokenTooShortOrWithSpacesIsRefusedAndNoneIsEverPrinted() {
        HttpSettings base = new HttpSettings("127.0.0.1", 0, 1024);
        assertThrows(IllegalArgumentException.class, () -> base.withMetricsToken("short"));
        assertThrows(IllegalArgumentException.class, () -> base.withMetricsToken("long enough but with spaces"));
        assertThrows(IllegalArgumentException.class, () -> base.withMetricsToken("bad\u00e9token0123456789"));

        HttpSettings guarded = base.withMetricsToken(TOKEN);

        assertEquals(Optional.of(TOKEN), guarded.metricsToken());
        assertFalse(guarded.toString().contains(TOKEN), guarded.toString());
        assertEquals(Optional.empty(), base.metricsToken());
    }
}
