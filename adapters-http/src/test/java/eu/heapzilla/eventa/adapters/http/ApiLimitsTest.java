package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.ports.out.Mail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits on signed-in use over real HTTP: one bearer's flood is refused while everyone
 * else is served, and an event's invites run out without anything stored or mailed.
 */
class ApiLimitsTest {

    /** One request back every two seconds: a flood is refused at once, and the wait after it stays short. */
    private static final RateLimit FEW_REQUESTS = new RateLimit(5, Duration.ofSeconds(10));
    private static final int INVITES = 3;

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer flooded;
    private static ApiServer inviting;

    @BeforeAll
    static void start() {
        flooded = new ApiServer(database.persistence(), new ApiLimits(FEW_REQUESTS, RateLimit.perDay(100)), LiveSettings.DEFAULT);
        inviting = new ApiServer(database.persistence(),
                new ApiLimits(ApiServer.GENEROUS_API.perBearer(), RateLimit.perDay(INVITES)), LiveSettings.DEFAULT);
    }

    @AfterAll
    static void stop() {
        flooded.close();
        inviting.close();
    }

    private static String tasks(String event) {
        return "/api/v1/events/" + event + "/tasks";
    }

    /** The Retry-After of a 429, which must be whole seconds above zero and match the body's info. */
    private static long retryAfter(HttpResponse<String> refused) {
        JsonNode body = assertError(refused, 429, "rate_limited");
        long seconds = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(seconds > 0, "Retry-After " + seconds);
        assertEquals(seconds, body.path("info").path("retry_after_seconds").asLong(), refused.body());
        return seconds;
    }

    @Test
    void aBearerThatFloodsIsRefusedWhileOthersAreServedAndIsServedAgainAfterTheWait() throws InterruptedException {
        String alex = flooded.signIn(ApiServer.uniqueEmail("alex"));
        String bo = flooded.signIn(ApiServer.uniqueEmail("bo"));
        String event = flooded.createEvent(alex, "Flood");

        // Bo makes three requests while Alex is refused and one right after: fewer than his own allowance.
        Set<String> created = new HashSet<>();
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (int i = 0; i < 30 && refused.size() < 3; i++) {
            String title = "Flood " + i;
            HttpResponse<String> response = flooded.call(alex, "POST", tasks(event), "{\"title\": \"" + title + "\"}");
            if (response.statusCode() == 201) {
                created.add(title);
            } else {
                retryAfter(response);
                refused.add(response);
                flooded.expect(200, flooded.get(bo, "/api/v1/me"));
            }
        }
        assertEquals(3, refused.size(), "the flood was refused");
        assertTrue(created.size() >= FEW_REQUESTS.requests() - 1, "the allowance was served first: " + created.size());
        flooded.expect(200, flooded.get(bo, "/api/v1/me"));
        try (LiveClient live = LiveClient.open(flooded.server.port(), "Bearer " + alex, "")) {
            assertNull(live.connectionId, "an upgrade is a request of the bearer's like any other (issue 27)");
            assertEquals("rate_limited", live.next("error").path("error_code").asText());
            assertEquals(LiveSocket.TOO_MANY_CLOSE, live.closeCode());
        }

        Thread.sleep(Duration.ofSeconds(retryAfter(refused.get(refused.size() - 1))).toMillis());
        JsonNode listed = flooded.expect(200, flooded.get(alex, tasks(event))).path("tasks");
        Set<String> stored = new HashSet<>();
        listed.forEach(task -> stored.add(task.path("title").asText()));
        assertEquals(created, stored, "every task answered 201 is stored, and no refused one");
    }

    @Test
    void anEventsInvitesRunOutWithNothingStoredOrMailedWhileOtherEventsStillInvite() {
        String alex = inviting.signIn(ApiServer.uniqueEmail("alex"));
        String stranger = inviting.signIn(ApiServer.uniqueEmail("stranger"));
        String wedding = inviting.createEvent(alex, "Wedding");
        String reunion = inviting.createEvent(alex, "Reunion");

        for (int i = 0; i < INVITES + 2; i++) {
            assertError(invite(stranger, wedding, ApiServer.uniqueEmail("spam")), 404, "not_found");
        }
        List<String> invited = new ArrayList<>();
        for (int i = 0; i < INVITES; i++) {
            String email = ApiServer.uniqueEmail("guest" + i);
            inviting.expect(201, invite(alex, wedding, email));
            invited.add(email);
        }
        String late = ApiServer.uniqueEmail("late");
        retryAfter(invite(alex, wedding, late));
        assertError(invite(stranger, wedding, ApiServer.uniqueEmail("spam")), 404, "not_found");

        JsonNode stored = inviting.expect(200, inviting.get(alex, "/api/v1/events/" + wedding + "/invites")).path("invites");
        List<String> storedEmails = new ArrayList<>();
        stored.forEach(invite -> storedEmails.add(invite.path("email").asText()));
        assertEquals(Set.copyOf(invited), Set.copyOf(storedEmails),
                "the refused invite was not stored; the stranger's attempts never counted");
        assertEquals(INVITES, storedEmails.size());
        for (String email : invited) {
            assertEquals("Wedding", inviting.mailer.lastInvitationTo(email).eventTitle());
        }
        assertFalse(inviting.mailer.sent().stream()
                .anyMatch(mail -> mail instanceof Mail.Invitation invitation && invitation.to().value().equals(late)),
                "no mail for the refused invite");

        inviting.expect(201, invite(alex, reunion, late));
        assertEquals("Reunion", inviting.mailer.lastInvitationTo(late).eventTitle(), "another event's invites are its own");
    }

    private static HttpResponse<String> invite(String bearer, String event, String email) {
        return inviting.call(bearer, "POST", "/api/v1/events/" + event + "/invites", "{\"email\": \"" + email + "\"}");
    }
}
