package eu.heapzilla.eventa.adapters.push.testing;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for FCM and Google's OAuth token endpoint, on the JDK's HTTP server
 * (127.0.0.1, a free port), speaking their wire formats so that the real Firebase Admin SDK
 * can be tested against it:
 * <ul>
 *   <li>{@code POST /token} takes the JWT-bearer grant a service account sends (the assertion
 *       must be signed by {@link #credentialsJson}'s key) and issues a bearer token.</li>
 *   <li>{@code POST /v1/projects/{project}/messages:send} takes {@code {"message":{…}}}, wants one
 *       of those bearer tokens (401 otherwise), and answers {@code {"name":"projects/…/messages/…"}}
 *       or an error in Google's shape, with an {@code FcmError} detail.</li>
 * </ul>
 * Every send is recorded ({@link #requests()}, each with when it arrived), and those answered
 * 200 also in {@link #accepted()}. Answers can be queued ({@link #answerNext}), set per token
 * ({@link #answerForTokens}), delayed ({@link #delayAnswers}), or withheld ({@link #hang()}).
 *
 * <p>Timing: the JDK's HTTP server leaves Nagle's algorithm on unless the system property
 * {@code sun.net.httpserver.nodelay} is {@code true} when the JVM makes its first server; then an
 * answer's body waits for the client's delayed ACK of its headers, about 40 ms per send on Linux.
 * Whoever measures through this server sets the property first (the benchmarks do).
 *
 * <p>{@link #transport()} is how a client gets here: an HTTP transport that sends every request,
 * whatever its URL, to this server, keeping path and query. Typical use:
 * <pre>{@code
 * try (FakeFcmServer fcm = new FakeFcmServer();
 *      PushDelivery push = PushDelivery.start(new PushSettings(
 *              Optional.of(fcm.writeCredentials(tempDir, "demo")), Optional.of("demo")), fcm.transport())) {
 *     push.gateway().send(message);
 *     fcm.awaitAccepted(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class FakeFcmServer implements AutoCloseable {

    /**
     * One send request as this server received it.
     *
     * @param receivedNanos {@link System#nanoTime()} when the request reached this server's handler, before its
     *                      body was read: for measuring how long a push took to get here (same JVM only)
     */
    public record SendRequest(String project, String token, Map<String, String> data, String androidCollapseKey,
                              String androidPriority, Map<String, String> apnsHeaders, boolean apnsContentAvailable,
                              Map<String, String> webpushHeaders, boolean hasNotification, String authorization,
                              String json, long receivedNanos) {
    }

    /**
     * How to answer one send: 200 with a message name, or an error in Google's shape.
     *
     * @param fcmErrorCode the {@code FcmError} detail's code, or null for an error without one
     * @param message      the error's message; null for a default
     * @param retryAfter   a {@code Retry-After} header's value, or null
     * @param badField     a field named in a {@code google.rpc.BadRequest} detail, or null
     */
    public record Answer(int status, String fcmErrorCode, String message, String retryAfter, String badField) {

        /** Accepted: 200 and a message name. */
        public static Answer accept() {
            return new Answer(200, null, null, null, null);
        }

        /** FCM's error for this {@code FcmError} code, with the HTTP status FCM gives it. */
        public static Answer fcmError(String code) {
            return new Answer(statusOf(code), code, null, null, null);
        }

        /** An error with this status and its canonical Google status name, without an FcmError detail. */
        public static Answer status(int status) {
            return new Answer(status, null, null, null, null);
        }

        public Answer withRetryAfter(String value) {
            return new Answer(status, fcmErrorCode, message, value, badField);
        }

        public Answer withMessage(String text) {
            return new Answer(status, fcmErrorCode, text, retryAfter, badField);
        }

        public Answer withFieldViolation(String field) {
            return new Answer(status, fcmErrorCode, message, retryAfter, field);
        }

        private static int statusOf(String code) {
            return switch (code) {
                case "UNREGISTERED" -> 404;
                case "INVALID_ARGUMENT" -> 400;
                case "SENDER_ID_MISMATCH" -> 403;
                case "QUOTA_EXCEEDED" -> 429;
                case "UNAVAILABLE" -> 503;
                case "INTERNAL" -> 500;
                case "THIRD_PARTY_AUTH_ERROR" -> 401;
                default -> throw new IllegalArgumentException("not an FcmError code: " + code);
            };
        }
    }

    private record TokenRule(Predicate<String> tokens, Answer answer) {
    }

    private static final JsonFactory JSON = GsonFactory.getDefaultInstance();
    private static final Pattern SEND_PATH = Pattern.compile("/v1/projects/([^/]+)/messages:send");
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final FakeServiceAccount account = new FakeServiceAccount("eventa-push");
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile int tokenFailureStatus;
    private final List<SendRequest> requests = new CopyOnWriteArrayList<>();
    private final List<SendRequest> accepted = new CopyOnWriteArrayList<>();
    private final Queue<Answer> queued = new ConcurrentLinkedQueue<>();
    private final List<TokenRule> tokenRules = new CopyOnWriteArrayList<>();
    private final AtomicLong messageIds = new AtomicLong(1_000_000);
    private volatile CountDownLatch hanging;
    private volatile Duration answerDelay = Duration.ZERO;
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public FakeFcmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-fcm");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers); // a held request must not hold up the others
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where the service account of {@link #credentialsJson} gets its tokens. */
    public String tokenUri() {
        return "http://127.0.0.1:" + port() + "/token";
    }

    /**
     * A transport that sends every request to this server: any scheme, host and port become
     * {@code http://127.0.0.1:<port>}, path and query stay. Otherwise the JDK's
     * {@code HttpURLConnection}, as in production.
     */
    public HttpTransport transport() {
        return transportTo(port());
    }

    /** As {@link #transport()}, for a fake running in another process, known by its port. */
    public static HttpTransport transportTo(int port) {
        return new NetHttpTransport.Builder()
                .setConnectionFactory(url -> (HttpURLConnection) new URL("http", "127.0.0.1", port, url.getFile())
                        .openConnection(Proxy.NO_PROXY))
                .build();
    }

    /** A service-account key file for {@code projectId} whose tokens come from this server. */
    public String credentialsJson(String projectId) {
        return account.keyFile(projectId, tokenUri());
    }

    /** Writes {@link #credentialsJson} to a file in {@code dir} and returns it. */
    public Path writeCredentials(Path dir, String projectId) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("fcm-service-account-" + projectId + ".json"), credentialsJson(projectId));
    }

    /** The next send gets this answer; answers queue up in order, ahead of the per-token ones. */
    public FakeFcmServer answerNext(Answer answer) {
        queued.add(answer);
        return this;
    }

    /** Every send to a token that matches gets this answer when nothing is queued, e.g. {@code t -> t.startsWith("dead-")}. */
    public FakeFcmServer answerForTokens(Predicate<String> tokens, Answer answer) {
        tokenRules.add(new TokenRule(tokens, answer));
        return this;
    }

    /**
     * From now on every send is answered only after {@code delay} (zero: at once), as a distant FCM
     * would answer: for measuring how a client copes with FCM's round trip. Each send is recorded
     * in {@link #requests()}, with its arrival, before the wait.
     */
    public FakeFcmServer delayAnswers(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative");
        }
        answerDelay = delay;
        return this;
    }

    /**
     * From now on sends are held without an answer until {@link #release()} or {@link #close()};
     * a client that gives up meanwhile is never answered. A held send is recorded in
     * {@link #requests()} but never counts as accepted.
     */
    public void hang() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        hanging = gate;
    }

    /** Stops holding sends: the ones held so far are dropped (their connection closed, no answer), later ones answered. */
    public void release() {
        CountDownLatch gate = hanging;
        hanging = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    /** From now on the token endpoint refuses every request with this status (400 is OAuth's invalid_grant); 0 ends that. */
    public void failTokenRequests(int status) {
        tokenFailureStatus = status;
    }

    /** Every bearer issued so far stops working: sends with one get 401 {@code UNAUTHENTICATED}. */
    public void revokeIssuedTokens() {
        validTokens.clear();
    }

    /** The bearer tokens issued, in order. */
    public List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    /** How many requests reached the token endpoint. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Every send received, in order, whatever its answer. */
    public List<SendRequest> requests() {
        return List.copyOf(requests);
    }

    /** The sends answered 200, in order. */
    public List<SendRequest> accepted() {
        return List.copyOf(accepted);
    }

    /** Waits until at least {@code count} sends were accepted and returns them all. */
    public List<SendRequest> awaitAccepted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + count + " accepted sends, got "
                        + accepted.size() + " of " + requests.size() + " received");
            }
            Thread.sleep(5);
        }
        return accepted();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Matcher send = SEND_PATH.matcher(path);
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, googleError(405, "Method not allowed", null, null), null);
            } else if (path.equals("/token")) {
                token(exchange, body);
            } else if (send.matches()) {
                send(exchange, send.group(1), body, received);
            } else {
                respond(exchange, 404, googleError(404, "No such method: " + path, null, null), null);
            }
        }
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(body);
        int failure = tokenFailureStatus;
        String refusal = failure != 0 ? "the token endpoint is told to fail"
                : !JWT_BEARER.equals(form.get("grant_type")) ? "grant_type must be " + JWT_BEARER
                : account.refusal(form.get("assertion"), System.currentTimeMillis() / 1000);
        if (refusal != null) {
            int status = failure != 0 ? failure : 400;
            String error = status == 400 ? "invalid_grant" : "temporarily_unavailable";
            respond(exchange, status, json(Map.of("error", error, "error_description", refusal)), null);
            return;
        }
        String token = "fake-access-" + UUID.randomUUID();
        validTokens.add(token);
        issuedTokens.add(token);
        respond(exchange, 200, json(Map.of("access_token", token, "expires_in", 3600, "token_type", "Bearer")), null);
    }

    private void send(HttpExchange exchange, String project, String body, long received) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        SendRequest request = parse(project, body, authorization, received);
        requests.add(request);
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !validTokens.contains(authorization.substring("Bearer ".length()))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"fake-fcm\", error=\"invalid_token\"");
            respond(exchange, 401, googleError(401, "Request had invalid authentication credentials.", null, null), null);
            return;
        }
        CountDownLatch gate = hanging;
        if (gate != null) {
            awaitQuietly(gate);
            return; // closing the exchange unanswered closes the connection
        }
        Duration delay = answerDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Answer answer = answerFor(request);
        if (answer.status() == 200) {
            String name = "projects/" + project + "/messages/" + messageIds.incrementAndGet();
            // Recorded before the answer goes out, so that a client that has its 200 finds it here;
            // taken back if the answer could not be sent.
            accepted.add(request);
            if (!respond(exchange, 200, json(Map.of("name", name)), null)) {
                accepted.remove(request);
            }
        } else {
            respond(exchange, answer.status(),
                    googleError(answer.status(), answer.message(), answer.fcmErrorCode(), answer.badField()),
                    answer.retryAfter());
        }
    }

    private Answer answerFor(SendRequest request) {
        Answer next = queued.poll();
        if (next != null) {
            return next;
        }
        for (TokenRule rule : tokenRules) {
            if (request.token() != null && rule.tokens().test(request.token())) {
                return rule.answer();
            }
        }
        return Answer.accept();
    }

    private static SendRequest parse(String project, String body, String authorization, long received) {
        Map<String, Object> message = Map.of();
        try {
            message = object(JSON.fromString(body, GenericJson.class).get("message"));
        } catch (IOException | IllegalArgumentException notJson) {
            // recorded with nothing parsed; the raw body is still there
        }
        Map<String, Object> android = object(message.get("android"));
        Map<String, Object> apns = object(message.get("apns"));
        Map<String, Object> aps = object(object(apns.get("payload")).get("aps"));
        Object contentAvailable = aps.get("content-available");
        return new SendRequest(project, (String) message.get("token"), strings(message.get("data")),
                (String) android.get("collapse_key"), (String) android.get("priority"), strings(apns.get("headers")),
                contentAvailable instanceof Number n && n.intValue() == 1,
                strings(object(message.get("webpush")).get("headers")), message.containsKey("notification"),
                authorization, body, received);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        object(value).forEach((key, entry) -> strings.put(key, String.valueOf(entry)));
        return Map.copyOf(strings);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** {@code {"error":{"code":…,"message":…,"status":…,"details":[…]}}}, as Google's APIs answer. */
    private static String googleError(int status, String message, String fcmErrorCode, String badField) {
        List<Object> details = new ArrayList<>();
        if (fcmErrorCode != null) {
            details.add(Map.of("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode", fcmErrorCode));
        }
        if (badField != null) {
            details.add(Map.of("@type", "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations", List.of(Map.of("field", badField, "description", "Invalid value"))));
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("message", message != null ? message : defaultMessage(fcmErrorCode, status));
        error.put("status", statusName(status));
        if (!details.isEmpty()) {
            error.put("details", details);
        }
        return json(Map.of("error", error));
    }

    private static String defaultMessage(String fcmErrorCode, int status) {
        if (fcmErrorCode == null) {
            return "The request failed with status " + status + ".";
        }
        return switch (fcmErrorCode) {
            case "UNREGISTERED" -> "Requested entity was not found.";
            case "INVALID_ARGUMENT" -> "The registration token is not a valid FCM registration token";
            case "SENDER_ID_MISMATCH" -> "SenderId mismatch";
            case "QUOTA_EXCEEDED" -> "Quota exceeded for the sending rate.";
            case "UNAVAILABLE" -> "The service is currently unavailable.";
            case "INTERNAL" -> "Internal error encountered.";
            case "THIRD_PARTY_AUTH_ERROR" -> "Auth error from APNS or Web Push Service";
            default -> "FCM error " + fcmErrorCode;
        };
    }

    private static String statusName(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 500 -> "INTERNAL";
            case 501 -> "UNIMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "UNKNOWN";
        };
    }

    private static String json(Object value) {
        try {
            return JSON.toString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the answer; false when the client was gone before it all went out. */
    private static boolean respond(HttpExchange exchange, int status, String body, String retryAfter) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases every held send and stops the server; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        hanging = null;
        gates.forEach(CountDownLatch::countDown);
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
