package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-client-address limits, and whose address counts. */
class SignInLimitsTest {

    private static final SignInLimits TIGHT = new SignInLimits(new RateLimit(5, Duration.ofHours(1)),
            new RateLimit(3, Duration.ofHours(1)), new RateLimit(2, Duration.ofMinutes(10)));

    private static HttpServer server(boolean trustForwardedFor) {
        InMemoryAdapters adapters = new InMemoryAdapters();
        return new HttpServer(new HttpSettings("127.0.0.1", 0, 4096, trustForwardedFor, TIGHT),
                TestPorts.inPorts(adapters.useCases())).start();
    }

    private static HttpResponse<String> requestLink(TestClient client, String forwardedFor) {
        var request = client.request("/api/v1/auth/magic-link").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\": \"p-" + UUID.randomUUID() + "@example.org\"}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(request);
    }

    @Test
    void oneClientAddressMayAskForOnlySoManyLinksWhateverTheEmail() {
        try (HttpServer server = server(false)) {
            TestClient client = new TestClient(server.port());
            for (int i = 0; i < 3; i++) {
                assertEquals(202, requestLink(client, null).statusCode());
            }
            HttpResponse<String> refused = requestLink(client, null);
            assertError(refused, 429, "rate_limited");
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void verifyAttemptsFromOneAddressAreLimitedToo() {
        try (HttpServer server = server(false)) {
            TestClient client = new TestClient(server.port());
            String body = "{\"token\": \"" + "A".repeat(43) + "\"}";
            assertError(client.postJson("/api/v1/auth/verify", body), 404, "not_found");
            assertError(client.postJson("/api/v1/auth/verify", body), 404, "not_found");
            HttpResponse<String> refused = client.postJson("/api/v1/auth/verify", body);
            assertError(refused, 429, "rate_limited");
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) > 0);
        }
    }

    @Test
    void behindATrustedProxyTheLastForwardedAddressIsTheClient() {
        try (HttpServer server = server(true)) {
            TestClient client = new TestClient(server.port());
            for (int i = 0; i < 3; i++) {
                assertEquals(202, requestLink(client, "203.0.113.9, 198.51.100." + i).statusCode(),
                        "spoofed first entries do not matter; each last entry is a different client");
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(202, requestLink(client, "10.0.0." + i + ", 192.0.2.1").statusCode());
            }
            assertError(requestLink(client, "10.0.0.99, 192.0.2.1"), 429, "rate_limited");
        }
    }

    @Test
    void withoutATrustedProxyForwardedHeadersAreIgnored() {
        try (HttpServer server = server(false)) {
            TestClient client = new TestClient(server.port());
            for (int i = 0; i < 3; i++) {
                assertEquals(202, requestLink(client, "198.51.100." + i).statusCode());
            }
            assertError(requestLink(client, "198.51.100.200"), 429, "rate_limited");
        }
    }
}
