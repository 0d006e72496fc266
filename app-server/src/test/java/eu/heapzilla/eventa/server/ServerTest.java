package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole server wired by Dagger, in this JVM, against an external (test) database. */
class ServerTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesHealthReadinessAndErrorsThenStopsListening() throws Exception {
        DatabaseSettings database = TestDatabase.fresh();
        Map<String, String> env = TestApi.serverEnvironment(database, 0, dir.resolve("data"));
        Config config = Config.from(env, dir);

        int port;
        try (Server server = Server.start(config)) {
            port = server.port();
            assertEquals(200, get(port, "/health").statusCode());
            assertEquals(200, get(port, "/ready").statusCode());
            HttpResponse<String> missing = get(port, "/api/v1/no-such-thing");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("\"error_code\":\"not_found\""), missing.body());
        }
        assertFalse(Files.exists(dir.resolve("data/postgres")), "an external database needs no embedded one");
        int closedPort = port;
        assertThrows(ConnectException.class, () -> get(closedPort, "/health"));
    }

    @Test
    void theWiredServerServesItsMetricsBehindTheConfiguredTokenWithPoolOutboxAndLiveGauges() throws Exception {
        DatabaseSettings database = TestDatabase.fresh();
        Map<String, String> env = TestApi.serverEnvironment(database, 0, dir.resolve("data"));
        env.put("EVENTA_METRICS_TOKEN", "scrape-0123456789abcdef");

        try (Server server = Server.start(Config.from(env, dir))) {
            assertEquals(401, get(server.port(), "/metrics").statusCode());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/metrics")).header("Authorization", "Bearer scrape-0123456789abcdef").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            for (String name : new String[] {"hikaricp_connections_max", "eventa_outbox_pending", "eventa_outbox_dead",
                "eventa_live_connections", "eventa_http_requests_seconds_count", "jvm_memory_used_bytes"}) {
                assertTrue(metrics.body().contains(name), name + " missing from\n" + metrics.body());
            }
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
