package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A second HTTP client for the tests, OkHttp, asking the way browsers and phones do: it sends
 * {@code Accept-Encoding: gzip} and unpacks what comes back by itself (unless the request asks
 * for a byte range), keeps the cookies it is given, and reuses one keep-alive connection for as
 * long as the server allows. It counts the connections it opened, so a test can tell whether an
 * error cost the client its connection. Like {@link TestClient}, it holds every response to the
 * OpenAPI document (HEAD as its GET, without the body).
 */
final class BrowserClient implements AutoCloseable {

    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) eventa-tests/1.0 (like OkHttp)";

    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, List<Cookie>> cookies = new ConcurrentHashMap<>();
    private final OkHttpClient client;
    private final String base;

    /** An answer as a browser's network layer hands it on: already unpacked when it was sent packed. */
    record Answer(int status, okhttp3.Headers headers, byte[] body, boolean wasCompressed) {

        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return TestClient.json(text());
        }
    }

    BrowserClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .retryOnConnectionFailure(false)
                .cookieJar(new CookieJar() {
                    @Override
                    public void saveFromResponse(HttpUrl url, List<Cookie> received) {
                        cookies.merge(url.host(), List.copyOf(received), (old, added) -> {
                            List<Cookie> merged = new ArrayList<>(old);
                            merged.removeIf(cookie -> added.stream().anyMatch(a -> a.name().equals(cookie.name())));
                            merged.addAll(added);
                            return List.copyOf(merged);
                        });
                    }

                    @Override
                    public List<Cookie> loadForRequest(HttpUrl url) {
                        return cookies.getOrDefault(url.host(), List.of()).stream().filter(c -> c.matches(url)).toList();
                    }
                })
                .eventListener(new EventListener() {
                    @Override
                    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                        connections.incrementAndGet();
                    }
                })
                .build();
    }

    /** OkHttp itself, for what this class does not wrap (its WebSocket, say). */
    OkHttpClient okHttp() {
        return client;
    }

    Request.Builder request(String path) {
        return new Request.Builder().url(base + path)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "*/*")
                .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8");
    }

    /** A request with {@code bearer} (none when null). */
    Request.Builder request(String path, String bearer) {
        Request.Builder request = request(path);
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    Answer get(String path, String bearer) {
        return send(request(path, bearer).get());
    }

    Answer head(String path, String bearer) {
        return send(request(path, bearer).head());
    }

    Answer json(String method, String path, String bearer, String json) {
        return send(request(path, bearer).method(method, RequestBody.create(json, MediaType.get("application/json"))));
    }

    Answer send(Request.Builder builder) {
        Request request = builder.build();
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            // OkHttp drops Content-Encoding once it has unpacked the body; the request it sent shows it asked.
            boolean compressed = response.networkResponse() != null
                    && "gzip".equalsIgnoreCase(response.networkResponse().header("Content-Encoding"));
            Answer answer = new Answer(response.code(), response.headers(), bytes, compressed);
            return documented(request, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
    }

    /** How many TCP connections this client has opened so far. */
    int connectionsOpened() {
        return connections.get();
    }

    /** The cookies this client holds for the server. */
    List<Cookie> cookies() {
        return cookies.getOrDefault("127.0.0.1", List.of());
    }

    private static Answer documented(Request request, Answer answer) {
        String path = request.url().encodedPath();
        if (!path.startsWith("/api/") && !path.equals("/health") && !path.equals("/ready")) {
            return answer;
        }
        HttpHeaders headers = HttpHeaders.of(answer.headers().toMultimap(), (name, value) -> true);
        List<String> violations = OpenApiContract.get().violations(request.method(), path, answer.status(), headers,
                request.method().equals("HEAD") ? null : answer.body());
        if (!violations.isEmpty()) {
            throw new AssertionError("the response to " + request.method() + " " + path + " (" + answer.status()
                    + ") does not match the OpenAPI document:\n  - " + String.join("\n  - ", violations));
        }
        return answer;
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
