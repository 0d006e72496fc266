package eu.heapzilla.eventa.adapters.mail;

import com.resend.core.net.IHttpClient;
import com.resend.core.net.impl.HttpClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A local stand-in for Resend's API on the JDK's HTTP server (loopback, a free port). It records
 * every request and answers with the statuses a test queued, then with 200 and an email id.
 *
 * <p>{@link #httpClient()} is the SDK's own {@link HttpClient}, so the request under test is
 * built exactly as in production (URL, method, JSON body, Authorization, Idempotency-Key,
 * User-Agent). Only the OkHttpClient inside it is swapped, by reflection, for one whose first
 * interceptor sends the finished request here instead of to Resend.
 */
final class FakeResend implements AutoCloseable {

    /** One request as the fake server received it. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<HttpUrl> urlsAskedFor = new CopyOnWriteArrayList<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<OkHttpClient> clients = new CopyOnWriteArrayList<>();

    FakeResend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The next request gets this answer (answers queue up in order). */
    FakeResend answer(int status, String body) {
        answers.add(new Answer(status, body));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The URLs the SDK itself built, before they were pointed here. */
    List<HttpUrl> urlsAskedFor() {
        return List.copyOf(urlsAskedFor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The SDK's HTTP client, aimed at this server. */
    IHttpClient<?> httpClient() {
        int port = port();
        OkHttpClient redirected = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    Request asked = chain.request();
                    urlsAskedFor.add(asked.url());
                    HttpUrl here = asked.url().newBuilder().scheme("http").host("127.0.0.1").port(port).build();
                    return chain.proceed(asked.newBuilder().url(here).build());
                })
                .build();
        clients.add(redirected);
        HttpClient sdk = new HttpClient();
        try {
            Field okHttp = HttpClient.class.getDeclaredField("httpClient");
            okHttp.setAccessible(true);
            okHttp.set(sdk, redirected);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the Resend SDK's HttpClient no longer keeps its OkHttpClient in a field"
                    + " 'httpClient'; find the new seam before upgrading", e);
        }
        return sdk;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = answers.poll();
            if (answer == null) {
                answer = new Answer(200, "{\"id\":\"" + UUID.randomUUID() + "\"}");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        clients.forEach(client -> client.connectionPool().evictAll());
    }
}
