package eu.heapzilla.eventa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The few REST calls the benchmarks make, over {@code java.net.http} (HTTP/1.1, JSON in and out). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    Api(URI base, Executor executor) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A task as the writer knows it: its id and the version its next PATCH is based on. */
    record TaskRef(String id, long version) {
    }

    /** One row of the change feed. */
    record Change(long seq, String entityType, String entityId, String op, long version, String at) {
    }

    String createEvent(String bearer, String title) {
        return call("POST", "/api/v1/events", bearer, Map.of("title", title), 201).get("id").asText();
    }

    TaskRef createTask(String bearer, String event, String title) {
        JsonNode task = call("POST", "/api/v1/events/" + event + "/tasks", bearer, Map.of("title", title), 201);
        return new TaskRef(task.get("id").asText(), task.get("version").asLong());
    }

    TaskRef task(String bearer, String event, String task) {
        JsonNode json = call("GET", "/api/v1/events/" + event + "/tasks/" + task, bearer, null, 200);
        return new TaskRef(json.get("id").asText(), json.get("version").asLong());
    }

    /** Every change of the event after {@code since}, page by page. */
    List<Change> changesSince(String bearer, String event, long since) {
        List<Change> all = new ArrayList<>();
        long cursor = since;
        while (true) {
            JsonNode page = call("GET", "/api/v1/events/" + event + "/changes?limit=1000&since=" + cursor, bearer, null, 200);
            for (JsonNode c : page.get("changes")) {
                all.add(new Change(c.get("seq").asLong(), c.get("entity_type").asText(), c.get("entity_id").asText(),
                        c.get("op").asText(), c.get("version").asLong(), c.get("at").asText()));
            }
            cursor = page.get("cursor").asLong();
            if (!page.path("has_more").asBoolean(false)) {
                return all;
            }
        }
    }

    /** A synchronous call that must answer {@code expected}; the answer's JSON body. */
    JsonNode call(String method, String path, String bearer, Object body, int expected) {
        try {
            HttpResponse<String> response = http.send(request(method, path, bearer, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ", not "
                        + expected + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    CompletableFuture<HttpResponse<String>> callAsync(String method, String path, String bearer, Object body) {
        return http.sendAsync(request(method, path, bearer, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest request(String method, String path, String bearer, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        return request.build();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
