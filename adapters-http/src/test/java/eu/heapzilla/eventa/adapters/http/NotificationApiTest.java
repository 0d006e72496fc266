package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.PushMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Push tokens and the notification list over HTTP, against the real database. */
class NotificationApiTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String register(String bearer, String token) {
        api.expect(204, api.call(bearer, "POST", "/api/v1/me/push-tokens",
                "{\"token\": \"" + token + "\", \"platform\": \"android\"}"));
        return token;
    }

    private static List<PushMessage> pushesTo(String token) {
        api.deliverOutbox();
        return api.pushGateway.sent().stream().filter(push -> push.token().value().equals(token)).toList();
    }

    private static String task(String bearer, String event, String title) {
        return api.expect(201, api.call(bearer, "POST", "/api/v1/events/" + event + "/tasks",
                "{\"title\": \"" + title + "\"}")).path("id").asText();
    }

    @Test
    void aWriteThroughTheApiPushesTheOtherMembersDeviceOnceAndNotTheWriters() {
        String alex = api.signIn(ApiServer.uniqueEmail("alex"));
        String event = api.createEvent(alex, "Jane's wedding");
        String bea = api.join(alex, event, ApiServer.uniqueEmail("bea"), "editor");
        api.deliverOutbox(); // Alex hears that Bea joined before his phone is registered
        String alexsPhone = register(alex, "alex-" + UUID.randomUUID());
        String beasPhone = register(bea, "bea-" + UUID.randomUUID());
        api.deliverOutbox();
        int before = pushesTo(beasPhone).size();

        String taskId = task(alex, event, "Book the florist");

        List<PushMessage> toBea = pushesTo(beasPhone);
        assertEquals(before + 1, toBea.size());
        PushMessage push = toBea.get(toBea.size() - 1);
        assertEquals(event, push.data().get("event_id"));
        assertEquals("task", push.data().get("entity_type"));
        assertEquals(taskId, push.data().get("entity_id"));
        assertEquals(List.of(), pushesTo(alexsPhone));
    }

    @Test
    void pushTokensAreCheckedAndRemovedOnlyByTheirOwner() {
        String alex = api.signIn(ApiServer.uniqueEmail("alex"));
        String bea = api.signIn(ApiServer.uniqueEmail("bea"));
        String token = register(alex, "fcm:" + UUID.randomUUID() + "_-x");
        register(alex, token); // again: a refresh

        assertEquals("token", assertError(api.call(alex, "POST", "/api/v1/me/push-tokens",
                "{\"token\": \"has space\", \"platform\": \"android\"}"), 400, "validation_error")
                .path("info").path("field").asText());
        assertEquals("token", assertError(api.call(alex, "POST", "/api/v1/me/push-tokens",
                "{\"platform\": \"android\"}"), 400, "validation_error").path("info").path("field").asText());
        assertEquals("platform", assertError(api.call(alex, "POST", "/api/v1/me/push-tokens",
                "{\"token\": \"t\", \"platform\": \"symbian\"}"), 400, "validation_error").path("info").path("field").asText());
        assertError(api.call(alex, "POST", "/api/v1/me/push-tokens", "{\"token\": \"t\", \"platform\": \"ios\", \"x\": 1}"),
                400, "validation_error");
        assertError(api.call(alex, "POST", "/api/v1/me/push-tokens", "{\"token\": \"" + "x".repeat(PushToken.MAX_LENGTH + 1) + "\", \"platform\": \"ios\"}"),
                400, "validation_error");
        assertError(api.call(null, "POST", "/api/v1/me/push-tokens", "{\"token\": \"t\", \"platform\": \"ios\"}"),
                401, "auth_error");

        assertError(api.call(bea, "DELETE", "/api/v1/me/push-tokens/" + token, null), 404, "not_found");
        api.expect(204, api.call(alex, "DELETE", "/api/v1/me/push-tokens/" + token, null));
        assertError(api.call(alex, "DELETE", "/api/v1/me/push-tokens/" + token, null), 404, "not_found");
    }

    @Test
    void theNotificationListReadsAsPeopleSpeakAndIsMarkedRead() {
        String alex = api.signIn(ApiServer.uniqueEmail("alex"));
        api.expect(200, api.call(alex, "PATCH", "/api/v1/me", "{\"display_name\": \"Alex\"}"));
        String event = api.createEvent(alex, "Jane's wedding");
        String bea = api.join(alex, event, ApiServer.uniqueEmail("bea"), "editor");
        api.expect(200, api.call(bea, "PATCH", "/api/v1/me", "{\"display_name\": \"Bea\"}"));
        String florist = task(alex, event, "Book the florist");
        String cake = task(alex, event, "Order the cake");
        api.expect(200, api.call(bea, "POST", "/api/v1/events/" + event + "/tasks/" + florist + "/complete",
                "{\"version\": 1, \"done\": true}"));
        api.expect(200, api.call(bea, "POST", "/api/v1/events/" + event + "/tasks/" + cake + "/complete",
                "{\"version\": 1, \"done\": true}"));

        JsonNode list = api.expect(200, api.get(alex, "/api/v1/me/notifications?unread=true"));
        assertEquals(3, list.path("unread_count").asLong());
        assertEquals("Bea joined Jane's wedding", list.path("notifications").path(2).path("text").asText());
        assertFalse(list.path("has_more").asBoolean());
        JsonNode newest = list.path("notifications").path(0);
        assertEquals("Bea marked 'Order the cake' done", newest.path("text").asText());
        assertEquals("task_done", newest.path("kind").asText());
        assertEquals(event, newest.path("event_id").asText());
        assertEquals("Jane's wedding", newest.path("event_title").asText());
        assertEquals("task", newest.path("entity_type").asText());
        assertEquals(cake, newest.path("entity_id").asText());
        assertEquals("Bea", newest.path("actor").path("display_name").asText());
        assertEquals(api.userId(bea), newest.path("actor").path("user_id").asText());
        assertTrue(newest.path("read_at").isNull() || newest.path("read_at").isMissingNode());
        assertTrue(newest.path("seq").asLong() > 0);

        JsonNode page = api.expect(200, api.get(alex, "/api/v1/me/notifications?limit=1"));
        assertTrue(page.path("has_more").asBoolean());
        JsonNode next = api.expect(200, api.get(alex, "/api/v1/me/notifications?limit=1&before="
                + page.path("notifications").path(0).path("id").asText()));
        assertEquals("Bea marked 'Book the florist' done", next.path("notifications").path(0).path("text").asText());

        api.expect(204, api.call(alex, "POST", "/api/v1/me/notifications/" + newest.path("id").asText() + "/read", null));
        JsonNode after = api.expect(200, api.get(alex, "/api/v1/me/notifications"));
        assertEquals(2, after.path("unread_count").asLong());
        assertFalse(after.path("notifications").path(0).path("read_at").isNull());
        assertError(api.call(bea, "POST", "/api/v1/me/notifications/" + newest.path("id").asText() + "/read", null),
                404, "not_found");
        assertEquals(2, api.expect(200, api.call(alex, "POST", "/api/v1/me/notifications/read-all", null))
                .path("marked_read").asInt());
        assertEquals(0, api.expect(200, api.get(alex, "/api/v1/me/notifications?unread=true")).path("notifications").size());
        assertEquals(List.of(), texts(bea), "Bea did it; she is not told");
    }

    @Test
    void badQueriesAreFourHundredsNamingTheField() {
        String alex = api.signIn(ApiServer.uniqueEmail("alex"));

        for (String query : List.of("unread=yes", "limit=0", "limit=201", "limit=abc", "before=not-an-id",
                "before=" + UUID.randomUUID())) {
            JsonNode error = assertError(api.get(alex, "/api/v1/me/notifications?" + query), 400, "validation_error");
            assertEquals(query.substring(0, query.indexOf('=')), error.path("info").path("field").asText(), query);
        }
        assertError(api.call(alex, "POST", "/api/v1/me/notifications/not-an-id/read", null), 404, "not_found");
        assertError(api.get(null, "/api/v1/me/notifications"), 401, "auth_error");
    }

    private static List<String> texts(String bearer) {
        List<String> texts = new java.util.ArrayList<>();
        api.expect(200, api.get(bearer, "/api/v1/me/notifications")).path("notifications")
                .forEach(n -> texts.add(n.path("text").asText()));
        return texts.stream().filter(text -> text.contains("done")).toList();
    }
}
