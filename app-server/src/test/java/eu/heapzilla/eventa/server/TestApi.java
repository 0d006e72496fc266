package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP calls to a server on this machine, made as the app makes them, each asserting the status it expects. */
final class TestApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

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
