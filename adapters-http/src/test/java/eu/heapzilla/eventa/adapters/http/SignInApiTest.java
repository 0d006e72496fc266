package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.service.UseCases;
import eu.heapzilla.eventa.ports.testing.MutableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sign-in API over real HTTP against a real PostgreSQL. */
class SignInApiTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    private static final CapturingMailer mailer = new CapturingMailer();
    /** Generous per-address limits: every test here comes from 127.0.0.1. */
    private static final SignInLimits LIMITS = new SignInLimits(new RateLimit(5, Duration.ofHours(1)),
            new RateLimit(1000, Duration.ofHours(1)), new RateLimit(1000, Duration.ofMinutes(10)));
    private static HttpServer server;
    private static TestClient client;
    private static UseCases useCases;

    @BeforeAll
    static void start() {
        useCases = TestPorts.useCases(database.persistence(), clock, mailer);
        server = new HttpServer(new HttpSettings("127.0.0.1", 0, 4096, false, LIMITS), TestPorts.inPorts(useCases)).start();
        client = new TestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String uniqueEmail() {
        return "person-" + UUID.randomUUID() + "@example.org";
    }

    private static HttpResponse<String> requestLink(String email) {
        return client.postJson("/api/v1/auth/magic-link", "{\"email\": \"" + email + "\"}");
    }

    private static HttpResponse<String> verify(String token) {
        return client.postJson("/api/v1/auth/verify", "{\"token\": \"" + token + "\"}");
    }

    private static Secret mailedToken(String email) {
        assertEquals(202, requestLink(email).statusCode());
        return mailer.lastTokenFor(email);
    }

    private static String signIn(String email) {
        HttpResponse<String> response = verify(mailedToken(email).reveal());
        assertEquals(200, response.statusCode(), response.body());
        return TestClient.json(response).path("bearer").asText();
    }

    private static HttpResponse<String> me(String bearer) {
        return client.send(client.request("/api/v1/me").header("Authorization", "Bearer " + bearer).GET());
    }

    private static long count(String sql) {
        try (Connection c = database.persistence().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLinkRequestIsAcceptedAlikeForKnownAndUnknownAddressesAndCreatesNoUser() {
        String known = uniqueEmail();
        signIn(known);
        String unknown = uniqueEmail();

        HttpResponse<String> forKnown = requestLink(known);
        HttpResponse<String> forUnknown = requestLink(unknown);

        assertEquals(202, forKnown.statusCode());
        assertEquals(202, forUnknown.statusCode());
        assertEquals(forKnown.body(), forUnknown.body(), "the answer must not tell whether an account exists");
        assertEquals(0, count("SELECT count(*) FROM users WHERE email = '" + unknown + "'"));
        mailer.lastTokenFor(unknown);
    }

    @Test
    void anInvalidEmailIsA400NamingTheFieldAndSendsNothing() {
        int before = mailer.sent().size();
        JsonNode body = assertError(requestLink("not-an-address"), 400, "validation_error");
        assertEquals("email", body.path("info").path("field").asText());
        assertError(client.postJson("/api/v1/auth/magic-link", "{}"), 400, "validation_error");
        assertError(client.postJson("/api/v1/auth/magic-link", "{\"email\": \"a@example.org\", \"admin\": true}"), 400, "validation_error");
        assertEquals(before, mailer.sent().size());
    }

    @Test
    void aMailThatCannotBeSentYetIsKeptInTheOutboxAndSentWhenTheMailerRecovers() {
        String email = uniqueEmail();
        mailer.refuse(true);
        try {
            assertEquals(202, requestLink(email).statusCode(), "the request is taken; the mail is the outbox's business");
            assertFalse(mailer.sent().stream().anyMatch(mail -> mail.to().value().equals(email)));
            assertTrue(useCases.deliverOutbox().counts().pending() >= 1, "kept, not lost");
        } finally {
            mailer.refuse(false);
        }
        clock.advance(Duration.ofMinutes(1));

        assertEquals(200, verify(mailer.lastTokenFor(email).reveal()).statusCode());
    }

    @Test
    void verifyingGivesABearerAndTheUserWhichMeThenShows() {
        String email = uniqueEmail();
        HttpResponse<String> response = client.postJson("/api/v1/auth/verify",
                "{\"token\": \"" + mailedToken(email).reveal() + "\", \"device_label\": \"Jane's phone\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = TestClient.json(response);
        assertEquals(43, body.path("bearer").asText().length());
        assertEquals(email, body.path("user").path("email").asText());

        HttpResponse<String> me = me(body.path("bearer").asText());
        assertEquals(200, me.statusCode(), me.body());
        JsonNode meBody = TestClient.json(me);
        assertEquals(body.path("user").path("id").asText(), meBody.path("user").path("id").asText());
        assertEquals(email.substring(0, email.indexOf('@')), meBody.path("user").path("display_name").asText());
        assertTrue(meBody.path("memberships").isArray());
        assertEquals(0, meBody.path("memberships").size());
        assertEquals(1, count("SELECT count(*) FROM bearer_tokens WHERE device_label = 'Jane''s phone'"));
    }

    @Test
    void aUsedTokenIsGoneAndAnUnknownOneIsNotFound() {
        Secret token = mailedToken(uniqueEmail());
        assertEquals(200, verify(token.reveal()).statusCode());

        assertError(verify(token.reveal()), 410, "gone");
        assertError(verify(Secret.generate(new java.security.SecureRandom()).reveal()), 404, "not_found");
        JsonNode malformed = assertError(verify("abc"), 400, "validation_error");
        assertEquals("token", malformed.path("info").path("field").asText());
    }

    @Test
    void aLinkExpiresAfterThirtyMinutes() {
        String email = uniqueEmail();
        Secret token = mailedToken(email);
        clock.advance(Duration.ofMinutes(30));
        try {
            assertError(verify(token.reveal()), 410, "gone");
            assertEquals(0, count("SELECT count(*) FROM users WHERE email = '" + email + "'"));
        } finally {
            clock.advance(Duration.ofMinutes(-30));
        }
    }

    @Test
    void twoConcurrentVerificationsOfOneTokenGiveExactlyOneBearer() throws Exception {
        for (int round = 0; round < 10; round++) {
            String email = uniqueEmail();
            String token = mailedToken(email).reveal();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return verify(token);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> racer : racers) {
                statuses.add(racer.get().statusCode());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 410), statuses);
            assertEquals(1, count("SELECT count(*) FROM bearer_tokens b JOIN users u ON u.id = b.user_id WHERE u.email = '" + email + "'"));
        }
    }

    @Test
    void protectedRoutesNeedALiveBearer() {
        assertError(client.get("/api/v1/me"), 401, "auth_error");
        HttpResponse<String> garbage = me("not-a-token");
        assertError(garbage, 401, "auth_error");
        assertEquals("Bearer realm=\"eventa\"", garbage.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertError(me(Secret.generate(new java.security.SecureRandom()).reveal()), 401, "auth_error");
        assertError(client.send(client.request("/api/v1/me").header("Authorization", "Basic dXNlcjpwYXNz").GET()), 401, "auth_error");
        assertError(client.postJson("/api/v1/auth/logout", "{}"), 401, "auth_error");
    }

    @Test
    void anUnknownApiRouteIsNotFoundEvenWithoutABearer() {
        assertError(client.get("/api/v1/no-such-thing"), 404, "not_found");
    }

    @Test
    void logoutRevokesTheBearerInUseOnly() {
        String email = uniqueEmail();
        String phone = signIn(email);
        String laptop = signIn(email);

        HttpResponse<String> logout = client.send(client.request("/api/v1/auth/logout").header("Authorization", "Bearer " + phone)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, logout.statusCode(), logout.body());

        assertError(me(phone), 401, "auth_error");
        assertEquals(200, me(laptop).statusCode());
    }

    @Test
    void patchingMeRenamesAndBadNamesChangeNothing() {
        String bearer = signIn(uniqueEmail());
        HttpResponse<String> renamed = client.send(client.request("/api/v1/me").header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"display_name\": \"  Jane Doe \"}")));
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Jane Doe", TestClient.json(renamed).path("user").path("display_name").asText());

        for (String bad : List.of("{\"display_name\": \"\"}", "{\"display_name\": \"" + "x".repeat(101) + "\"}",
                "{\"display_name\": \"a\\u0007b\"}", "{}", "{\"display_name\": 42}", "{\"email\": \"x@example.org\"}")) {
            HttpResponse<String> refused = client.send(client.request("/api/v1/me").header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(bad)));
            assertError(refused, 400, "validation_error");
        }
        assertEquals("Jane Doe", TestClient.json(me(bearer)).path("user").path("display_name").asText());
    }

    @Test
    void theSixthLinkForOneAddressWithinTheHourIsRefusedWithRetryAfter() {
        String email = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            assertEquals(202, requestLink(email).statusCode());
        }
        int mailed = mailer.sent().size();

        HttpResponse<String> sixth = requestLink(email.toUpperCase());
        JsonNode body = assertError(sixth, 429, "rate_limited");
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(retryAfter, body.path("info").path("retry_after_seconds").asLong());
        assertEquals(mailed, mailer.sent().size(), "no mail for a refused request");
        assertEquals(202, requestLink(uniqueEmail()).statusCode(), "other addresses are not affected");
    }

    @Test
    void theDatabaseNeverHoldsATokenInClearText() throws SQLException {
        String email = uniqueEmail();
        Secret token = mailedToken(email);
        String bearer = TestClient.json(verify(token.reveal())).path("bearer").asText();
        String unusedLink = mailedToken(email).reveal();

        String everything = dumpEveryRow();
        for (String secret : List.of(token.reveal(), bearer, unusedLink)) {
            assertFalse(everything.contains(secret), "a token in clear text");
            String rawHex = HexFormat.of().formatHex(Base64.getUrlDecoder().decode(secret));
            assertFalse(everything.contains(rawHex), "a token's bytes in clear");
            assertFalse(everything.contains(HexFormat.of().formatHex(secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                    "a token's text as bytes");
        }
        String linkHash = HexFormat.of().formatHex(Secret.parse("t", unusedLink).hash().bytes());
        assertTrue(everything.contains(linkHash), "the link is stored, by its hash");
    }

    /** Every row of every table in the schema, as PostgreSQL's text form of the row. */
    private static String dumpEveryRow() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = database.persistence().dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.containsAll(List.of("users", "magic_links", "bearer_tokens")), tables.toString());
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        all.append(table).append(' ').append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    @Test
    void emailsAreMatchedWhateverTheirCase() {
        String email = uniqueEmail();
        String first = TestClient.json(me(signIn(email))).path("user").path("id").asText();
        assertEquals(202, requestLink(email.toUpperCase()).statusCode());
        String bearer = TestClient.json(verify(mailer.lastTokenFor(Email.of(email).value()).reveal())).path("bearer").asText();
        assertEquals(first, TestClient.json(me(bearer)).path("user").path("id").asText());
    }
}
