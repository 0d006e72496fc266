package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A real API server on a random port over a real database, with a mailer the test can read,
 * and the calls a signed-in person makes. Sign-in limits are generous: every test comes from
 * 127.0.0.1; so are the limits on signed-in use, since tests write far faster than a person.
 */
final class ApiServer implements AutoCloseable {

    static final SignInLimits GENEROUS = new SignInLimits(new RateLimit(100, Duration.ofHours(1)),
            new RateLimit(100_000, Duration.ofHours(1)), new RateLimit(100_000, Duration.ofMinutes(10)));
    static final ApiLimits GENEROUS_API = new ApiLimits(RateLimit.perMinute(1_000_000), RateLimit.perDay(100_000));

    final CapturingMailer mailer = new CapturingMailer();
    final CapturingPushGateway pushGateway = new CapturingPushGateway();
    final HttpServer server;
    final UseCases useCases;
    final TestClient client;

    ApiServer(PostgresPersistence persistence) {
        this(persistence, Clock.system());
    }

    ApiServer(PostgresPersistence persistence, Clock clock) {
        this(persistence, clock, LiveSettings.DEFAULT);
    }

    ApiServer(PostgresPersistence persistence, LiveSettings live) {
        this(persistence, Clock.system(), live);
    }

    ApiServer(PostgresPersistence persistence, Clock clock, LiveSettings live) {
        this(persistence, clock, GENEROUS_API, live, config -> { });
    }

    /** With {@code jetty} adjusting the server's configuration (connectors, say) before it starts. */
    ApiServer(PostgresPersistence persistence, LiveSettings live, java.util.function.Consumer<io.javalin.config.JavalinConfig> jetty) {
        this(persistence, Clock.system(), GENEROUS_API, live, jetty);
    }

    /** With the limits on signed-in use that a test of them needs. */
    ApiServer(PostgresPersistence persistence, ApiLimits apiLimits, LiveSettings live) {
        this(persistence, Clock.system(), apiLimits, live, config -> { });
    }

    /** Recording into {@code metrics} (which it leaves open), with {@code GET /metrics} behind {@code metricsToken} when present. */
    ApiServer(PostgresPersistence persistence, PrometheusMetrics metrics, Optional<String> metricsToken) {
        this(persistence, Clock.system(), GENEROUS_API, LiveSettings.DEFAULT, config -> { }, metricsToken, Optional.of(metrics),
                ClientLimits.DEFAULT);
    }

    /** With the limits on slow clients and connections that a test of them needs. */
    ApiServer(PostgresPersistence persistence, ClientLimits clientLimits) {
        this(persistence, Clock.system(), GENEROUS_API, LiveSettings.DEFAULT, config -> { }, Optional.empty(), Optional.empty(),
                clientLimits);
    }

    private ApiServer(PostgresPersistence persistence, Clock clock, ApiLimits apiLimits, LiveSettings live,
                      java.util.function.Consumer<io.javalin.config.JavalinConfig> jetty) {
        this(persistence, clock, apiLimits, live, jetty, Optional.empty(), Optional.empty(), ClientLimits.DEFAULT);
    }

    private ApiServer(PostgresPersistence persistence, Clock clock, ApiLimits apiLimits, LiveSettings live,
                      java.util.function.Consumer<io.javalin.config.JavalinConfig> jetty, Optional<String> metricsToken,
                      Optional<PrometheusMetrics> metrics, ClientLimits clientLimits) {
        this.useCases = TestPorts.useCases(persistence, clock, mailer, pushGateway);
        mailer.deliveredBy(this::deliverOutbox);
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, 64 * 1024, false, GENEROUS, HttpSettings.DEFAULT_FILE_MAX_BYTES,
                apiLimits, metricsToken, clientLimits);
        InPorts ports = TestPorts.inPorts(useCases);
        this.server = (metrics.isPresent()
                ? new HttpServer(settings, live, ports, metrics.get(), (config, bodies) -> jetty.accept(config))
                : new HttpServer(settings, live, ports, (config, bodies) -> jetty.accept(config))).start();
        this.client = new TestClient(server.port());
    }

    /** Does whatever the outbox holds now: mails to {@link #mailer}, pushes to {@link #pushGateway}. */
    void deliverOutbox() {
        TestPorts.drain(useCases);
    }

    /** A live client of this server for {@code bearer}, past its hello. */
    LiveClient live(String bearer) {
        return LiveClient.connect(server.port(), bearer);
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    /** Signs {@code email} in through the magic-link mail and returns the bearer. */
    String signIn(String email) {
        HttpResponse<String> asked = client.postJson("/api/v1/auth/magic-link", "{\"email\": \"" + email + "\"}");
        assertEquals(202, asked.statusCode(), asked.body());
        HttpResponse<String> verified = client.postJson("/api/v1/auth/verify",
                "{\"token\": \"" + mailer.lastTokenFor(email).reveal() + "\"}");
        assertEquals(200, verified.statusCode(), verified.body());
        return TestClient.json(verified).path("bearer").asText();
    }

    /** A request with {@code bearer} (none when null) and a JSON body (none when null). */
    HttpResponse<String> call(String bearer, String method, String path, String json) {
        HttpRequest.Builder request = client.request(path);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return client.send(request);
    }

    /** A multipart upload with {@code bearer} (none when null). */
    HttpResponse<String> upload(String bearer, String path, Multipart body) {
        HttpRequest.Builder request = client.request(path).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return client.send(request);
    }

    HttpResponse<String> get(String bearer, String path) {
        return call(bearer, "GET", path, null);
    }

    /** The JSON body of a call that must answer {@code status}. */
    JsonNode expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response.body().isEmpty() ? null : TestClient.json(response);
    }

    /** Creates an event titled {@code title} as {@code bearer}; returns its id. */
    String createEvent(String bearer, String title) {
        return expect(201, call(bearer, "POST", "/api/v1/events", "{\"title\": \"" + title + "\"}")).path("id").asText();
    }

    /**
     * Invites {@code email} with {@code role} as {@code inviter}, accepts through the mailed token,
     * and returns the newcomer's bearer.
     */
    String join(String inviter, String event, String email, String role) {
        expect(201, call(inviter, "POST", "/api/v1/events/" + event + "/invites",
                "{\"email\": \"" + email + "\", \"role\": \"" + role + "\"}"));
        String token = mailer.lastInviteTokenFor(email).reveal();
        return expect(200, call(null, "POST", "/api/v1/invites/" + token + "/accept", null)).path("bearer").asText();
    }

    /** The user id behind {@code bearer}. */
    String userId(String bearer) {
        return expect(200, get(bearer, "/api/v1/me")).path("user").path("id").asText();
    }

    @Override
    public void close() {
        server.close();
    }
}
