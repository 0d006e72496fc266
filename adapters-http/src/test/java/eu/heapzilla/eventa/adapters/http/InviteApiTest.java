package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.testing.MutableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Invites over real HTTP: the API, the mail it sends, accepting through the API and the page. */
class InviteApiTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    private static ApiServer api;
    private static String alex;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence(), clock);
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
        api.expect(200, api.call(alex, "PATCH", "/api/v1/me", "{\"display_name\": \"Alex\"}"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String invites(String event) {
        return "/api/v1/events/" + event + "/invites";
    }

    private static HttpResponse<String> invite(String bearer, String event, String email, String role) {
        String roleField = role == null ? "" : ", \"role\": \"" + role + "\"";
        return api.call(bearer, "POST", invites(event), "{\"email\": \"" + email + "\"" + roleField + "}");
    }

    private static HttpResponse<String> accept(String token) {
        return api.call(null, "POST", "/api/v1/invites/" + token + "/accept", null);
    }

    @Test
    void anInviteIsMailedAndAcceptingItMakesABrandNewPersonAMemberAndSignsThemIn() {
        String event = api.createEvent(alex, "Jane's wedding");
        String email = ApiServer.uniqueEmail("gerda");
        JsonNode created = api.expect(201, invite(alex, event, email, null));
        assertEquals("editor", created.path("role").asText(), "editor unless the invite says otherwise");
        assertEquals("pending", created.path("status").asText());
        assertEquals(email, created.path("email").asText());

        Mail.Invitation mail = api.mailer.lastInvitationTo(email);
        assertEquals("Jane's wedding", mail.eventTitle());
        assertEquals("Alex", mail.inviter().value());
        JsonNode listed = api.expect(200, api.get(alex, invites(event))).path("invites");
        assertEquals(1, listed.size());
        assertEquals(created.path("id").asText(), listed.get(0).path("id").asText());

        JsonNode joined = api.expect(200, api.call(null, "POST", "/api/v1/invites/" + mail.token().reveal() + "/accept",
                "{\"device_label\": \"Gerda's phone\"}"));
        assertEquals(email, joined.path("user").path("email").asText());
        assertEquals(event, joined.path("membership").path("event_id").asText());
        assertEquals("editor", joined.path("membership").path("role").asText());
        String gerda = joined.path("bearer").asText();
        JsonNode me = api.expect(200, api.get(gerda, "/api/v1/me"));
        assertEquals(event, me.path("memberships").get(0).path("event_id").asText());
        assertEquals("editor", api.expect(200, api.get(gerda, "/api/v1/events/" + event)).path("role").asText());
        assertEquals(0, api.expect(200, api.get(alex, invites(event))).path("invites").size(), "an accepted invite is no longer open");

        assertError(accept(mail.token().reveal()), 410, "gone");
    }

    @Test
    void anExistingUserJoinsAsThemselvesWithTheInvitedRole() {
        String samEmail = ApiServer.uniqueEmail("sam");
        String sam = api.signIn(samEmail);
        String samId = api.userId(sam);
        String event = api.createEvent(alex, "Reunion");
        api.expect(201, invite(alex, event, samEmail.toUpperCase(), "viewer"));
        JsonNode joined = api.expect(200, accept(api.mailer.lastInviteTokenFor(samEmail).reveal()));
        assertEquals(samId, joined.path("user").path("id").asText());
        assertEquals("viewer", joined.path("membership").path("role").asText());
        assertEquals("viewer", api.expect(200, api.get(sam, "/api/v1/events/" + event)).path("role").asText(),
                "the bearer Sam already had now sees the event");
        assertError(invite(alex, event, samEmail, "editor"), 409, "already_member");
    }

    @Test
    void aNewInviteToTheSameAddressReplacesThePendingOne() {
        String event = api.createEvent(alex, "Birthday");
        String email = ApiServer.uniqueEmail("kim");
        api.expect(201, invite(alex, event, email, "viewer"));
        String first = api.mailer.lastInviteTokenFor(email).reveal();
        api.expect(201, invite(alex, event, email, "editor"));
        String second = api.mailer.lastInviteTokenFor(email).reveal();
        assertNotEquals(first, second);
        JsonNode open = api.expect(200, api.get(alex, invites(event))).path("invites");
        assertEquals(1, open.size());
        assertEquals("editor", open.get(0).path("role").asText());
        assertError(accept(first), 410, "gone");
        assertEquals("editor", api.expect(200, accept(second)).path("membership").path("role").asText());
    }

    @Test
    void aRevokedInviteNoLongerWorks() {
        String event = api.createEvent(alex, "Anniversary");
        String email = ApiServer.uniqueEmail("lee");
        String id = api.expect(201, invite(alex, event, email, null)).path("id").asText();
        api.expect(204, api.call(alex, "DELETE", invites(event) + "/" + id, null));
        api.expect(204, api.call(alex, "DELETE", invites(event) + "/" + id, null));
        assertEquals(0, api.expect(200, api.get(alex, invites(event))).path("invites").size());
        assertError(accept(api.mailer.lastInviteTokenFor(email).reveal()), 410, "gone");
    }

    @Test
    void anInviteExpiresAfterFourteenDays() {
        String event = api.createEvent(alex, "Summer party");
        String email = ApiServer.uniqueEmail("max");
        api.expect(201, invite(alex, event, email, null));
        String token = api.mailer.lastInviteTokenFor(email).reveal();
        clock.advance(Invite.LIFETIME.plusSeconds(1));
        try {
            JsonNode open = api.expect(200, api.get(alex, invites(event))).path("invites");
            assertEquals("expired", open.get(0).path("status").asText());
            assertError(accept(token), 410, "gone");
        } finally {
            clock.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
    }

    @Test
    void inviteRulesAreExplained() {
        String event = api.createEvent(alex, "Graduation");
        String editor = api.join(alex, event, ApiServer.uniqueEmail("ed"), "editor");
        assertError(invite(editor, event, ApiServer.uniqueEmail("boss"), "owner"), 403, "forbidden");
        api.expect(201, invite(editor, event, ApiServer.uniqueEmail("friend"), "viewer"));
        assertError(invite(alex, event, "not an address", null), 400, "validation_error");
        assertError(invite(alex, event, ApiServer.uniqueEmail("x"), "admin"), 400, "validation_error");
        assertError(accept("not-a-token"), 404, "not_found");
        assertError(accept("A".repeat(43)), 404, "not_found");
    }

    @Test
    void anInviteWhoseMailCannotGoYetIsCreatedAndItsMailWaitsInTheOutbox() {
        String event = api.createEvent(alex, "Picnic");
        String email = ApiServer.uniqueEmail("robin");
        api.mailer.refuse(true);
        try {
            api.expect(201, invite(alex, event, email, null));
            api.deliverOutbox();
            assertTrue(api.useCases.deliverOutbox().counts().pending() >= 1, "kept, not lost");
        } finally {
            api.mailer.refuse(false);
        }
        api.expect(201, invite(alex, event, email, null));
        api.expect(200, accept(api.mailer.lastInviteTokenFor(email).reveal()));
    }
}
