package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Real HTTP calls to a server on this machine, made as the app makes them, each asserting the status it expects. */
final class TestApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /**
     * The environment of a server in this JVM on {@code database}, listening on loopback at
     * {@code port} (0: any; links in mail then name port 0) with its files in {@code dataDir};
     * a mutable map, for a test to add to.
     */
    static Map<String, String> serverEnvironment(DatabaseSettings database, int port, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("EVENTA_DATABASE_URL", database.jdbcUrl() + "?user=" + database.user());
        env.put("EVENTA_PORT", Integer.toString(port));
        env.put("EVENTA_HOST", "127.0.0.1");
        if (port != 0) {
            env.put("EVENTA_BASE_URL", "http://127.0.0.1:" + port);
        }
        env.put("EVENTA_DATA_DIR", dataDir.toString());
        return env;
    }

    TestApi(String base) {
        this.base = base;
    }

    TestApi(int port) {
        this("http://127.0.0.1:" + port);
    }

    String base() {
        return base;
    }

    /** Sends {@code json} (or no body) with {@code bearer} (or none) and returns the JSON answer, after checking its status. */
    JsonNode call(String method, String path, String json, String bearer, int status) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request, bearer);
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    HttpResponse<String> send(HttpRequest.Builder request, String bearer) throws IOException, InterruptedException {
        return http.send(authorised(request, bearer).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The raw bytes of a GET, for downloads compared byte for byte. */
    HttpResponse<byte[]> bytes(String path, String bearer) throws IOException, InterruptedException {
        return http.send(authorised(HttpRequest.newBuilder(URI.create(base + path)), bearer).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String bearer) {
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }
}
