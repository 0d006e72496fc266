package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Events, members and the change feed over real HTTP against a real PostgreSQL. */
class EventApiTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static String alex;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String path(String event) {
        return "/api/v1/events/" + event;
    }

    @Test
    void creatingAnEventWithEveryFieldMakesTheCreatorItsOwner() {
        HttpResponse<String> created = api.call(alex, "POST", "/api/v1/events", """
                {"title": "Jane & Tom's wedding", "date": "2027-06-12", "timezone": "Europe/Vienna", "currency": "EUR",
                 "location": "Schloss Hof", "notes": "Ceremony at 14:00\\nDinner at 18:00", "planned_budget_cents": 2500000}
                """);
        JsonNode event = api.expect(201, created);
        assertEquals("/api/v1/events/" + event.path("id").asText(), created.headers().firstValue("Location").orElseThrow());
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        assertEquals(1, event.path("version").asLong());
        assertEquals("Jane & Tom's wedding", event.path("title").asText());
        assertEquals("2027-06-12", event.path("date").asText());
        assertEquals("Europe/Vienna", event.path("timezone").asText());
        assertEquals("EUR", event.path("currency").asText());
        assertEquals("Schloss Hof", event.path("location").asText());
        assertEquals("Ceremony at 14:00\nDinner at 18:00", event.path("notes").asText());
        assertEquals(2_500_000L, event.path("planned_budget_cents").asLong());
        assertTrue(event.path("planned_budget_cents").isIntegralNumber());
        assertEquals("owner", event.path("role").asText());
        assertEquals(api.userId(alex), event.path("created_by").asText());

        JsonNode me = api.expect(200, api.get(alex, "/api/v1/me"));
        assertTrue(containsMembership(me.path("memberships"), event.path("id").asText(), "Jane & Tom's wedding", "owner"), me.toString());
        JsonNode mine = api.expect(200, api.get(alex, "/api/v1/events"));
        assertTrue(mine.path("events").findValuesAsText("id").contains(event.path("id").asText()));
    }

    @Test
    void aNewEventHasSensibleDefaultsForWhatWasNotSaid() {
        JsonNode event = api.expect(201, api.call(alex, "POST", "/api/v1/events", "{\"title\": \"Reunion\"}"));
        assertTrue(event.path("date").isNull());
        assertEquals("UTC", event.path("timezone").asText());
        assertEquals("EUR", event.path("currency").asText());
        assertTrue(event.path("location").isNull());
        assertTrue(event.path("planned_budget_cents").isNull());
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                  | title",
            "{\"title\": \"\"}                                    | title",
            "{\"title\": \"   \"}                                 | title",
            "{\"title\": null}                                    | title",
            "{\"title\": 7}                                       | title",
            "{\"title\": \"x\", \"date\": \"12.06.2027\"}          | date",
            "{\"title\": \"x\", \"date\": \"1899-12-31\"}          | date",
            "{\"title\": \"x\", \"timezone\": \"+02:00\"}          | timezone",
            "{\"title\": \"x\", \"timezone\": \"Mars/Base\"}       | timezone",
            "{\"title\": \"x\", \"currency\": \"eur\"}             | currency",
            "{\"title\": \"x\", \"currency\": \"XYZ\"}             | currency",
            "{\"title\": \"x\", \"planned_budget_cents\": 12.5}    | planned_budget_cents",
            "{\"title\": \"x\", \"planned_budget_cents\": -1}      | planned_budget_cents",
            "{\"title\": \"x\", \"planned_budget_cents\": \"100\"} | planned_budget_cents",
            "{\"title\": \"x\", \"colour\": \"blue\"}              | colour",
            "{\"title\": \"x\", \"version\": 1}                    | version",
    })
    void aBadEventIsRefusedNamingTheFieldAndNothingIsCreated(String body, String field) {
        int before = api.expect(200, api.get(alex, "/api/v1/events")).path("events").size();
        JsonNode error = assertError(api.call(alex, "POST", "/api/v1/events", body), 400, "validation_error");
        assertEquals(field, error.path("info").path("field").asText(), error.toString());
        assertEquals(before, api.expect(200, api.get(alex, "/api/v1/events")).path("events").size());
    }

    @Test
    void aTitleLongerThan200CharactersIsRefused() {
        String ok = "a".repeat(200);
        api.expect(201, api.call(alex, "POST", "/api/v1/events", "{\"title\": \"" + ok + "\"}"));
        assertError(api.call(alex, "POST", "/api/v1/events", "{\"title\": \"" + ok + "b\"}"), 400, "validation_error");
    }

    @Test
    void theVersionIsTheETagAndAnUnchangedEventIsNotSentAgain() {
        String event = api.createEvent(alex, "Birthday");
        HttpResponse<String> first = api.get(alex, path(event));
        assertEquals("\"1\"", first.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> again = api.client.send(api.client.request(path(event))
                .header("Authorization", "Bearer " + alex).header("If-None-Match", "\"1\"").GET());
        assertEquals(304, again.statusCode());
        api.expect(200, api.call(alex, "PATCH", path(event), "{\"version\": 1, \"title\": \"Big birthday\"}"));
        HttpResponse<String> changed = api.client.send(api.client.request(path(event))
                .header("Authorization", "Bearer " + alex).header("If-None-Match", "\"1\"").GET());
        assertEquals(200, changed.statusCode());
        assertEquals("\"2\"", changed.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void anEditChangesOnlyTheFieldsItNamesAndNullClearsAField() {
        String event = api.expect(201, api.call(alex, "POST", "/api/v1/events",
                "{\"title\": \"Party\", \"location\": \"Garden\", \"notes\": \"Bring chairs\", \"date\": \"2027-01-02\"}")).path("id").asText();
        JsonNode edited = api.expect(200, api.call(alex, "PATCH", path(event), "{\"version\": 1, \"location\": null, \"title\": \"Garden party\"}"));
        assertEquals(2, edited.path("version").asLong());
        assertEquals("Garden party", edited.path("title").asText());
        assertTrue(edited.path("location").isNull());
        assertEquals("Bring chairs", edited.path("notes").asText());
        assertEquals("2027-01-02", edited.path("date").asText());
        assertEquals("\"2\"", api.call(alex, "PATCH", path(event), "{\"version\": 2}").headers().firstValue("ETag").orElseThrow(),
                "an edit that changes nothing leaves the version alone");
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"title\": \"x\"}                    | version",
            "{\"version\": \"1\"}                  | version",
            "{\"version\": 1, \"title\": null}     | title",
            "{\"version\": 1, \"timezone\": null}  | timezone",
            "{\"version\": 1, \"id\": \"x\"}       | id",
    })
    void aBadEditIsRefusedAndChangesNothing(String body, String field) {
        String event = api.createEvent(alex, "Anniversary");
        JsonNode error = assertError(api.call(alex, "PATCH", path(event), body), 400, "validation_error");
        assertEquals(field, error.path("info").path("field").asText());
        JsonNode after = api.expect(200, api.get(alex, path(event)));
        assertEquals(1, after.path("version").asLong());
        assertEquals("Anniversary", after.path("title").asText());
    }

    @Test
    void aStaleEditIsAConflictCarryingTheCurrentStateAndWhoMadeIt() {
        String event = api.createEvent(alex, "Wedding");
        api.expect(200, api.call(alex, "PATCH", "/api/v1/me", "{\"display_name\": \"Alex\"}"));
        api.expect(200, api.call(alex, "PATCH", path(event), "{\"version\": 1, \"location\": \"Vienna\"}"));
        JsonNode error = assertError(api.call(alex, "PATCH", path(event), "{\"version\": 1, \"location\": \"Graz\"}"), 409,
                "version_conflict");
        JsonNode info = error.path("info");
        assertEquals("Vienna", info.path("current").path("location").asText());
        assertEquals(2, info.path("current").path("version").asLong());
        assertEquals("Alex", info.path("changed_by").path("display_name").asText());
        assertEquals(1, info.path("your_version").asLong());
        assertEquals("Vienna", api.expect(200, api.get(alex, path(event))).path("location").asText(), "nothing changed");
    }

    @Test
    void membersSeeEachOtherAndTheLastOwnerCannotLeave() {
        String event = api.createEvent(alex, "Family reunion");
        String gerdaEmail = ApiServer.uniqueEmail("gerda");
        String gerda = api.join(alex, event, gerdaEmail, "editor");
        JsonNode members = api.expect(200, api.get(gerda, path(event) + "/members")).path("members");
        assertEquals(2, members.size());
        assertEquals("owner", members.get(0).path("role").asText());
        assertEquals(gerdaEmail, members.get(1).path("email").asText());
        assertEquals("editor", members.get(1).path("role").asText());

        String alexId = api.userId(alex);
        assertError(api.call(alex, "DELETE", path(event) + "/members/" + alexId, null), 409, "last_owner");
        assertError(api.call(alex, "PATCH", path(event) + "/members/" + alexId, "{\"role\": \"editor\"}"), 409, "last_owner");

        String gerdaId = api.userId(gerda);
        JsonNode promoted = api.expect(200, api.call(alex, "PATCH", path(event) + "/members/" + gerdaId, "{\"role\": \"owner\"}"));
        assertEquals("owner", promoted.path("role").asText());
        assertEquals(2, promoted.path("version").asLong());
        api.expect(204, api.call(alex, "DELETE", path(event) + "/members/" + alexId, null));
        assertError(api.get(alex, path(event)), 404, "not_found");
        assertFalse(containsMembership(api.expect(200, api.get(alex, "/api/v1/me")).path("memberships"), event, "Family reunion", "owner"));
    }

    @Test
    void aRemovedMemberIsRefusedOnTheVeryNextRequest() {
        String event = api.createEvent(alex, "Graduation");
        String sam = api.join(alex, event, ApiServer.uniqueEmail("sam"), "editor");
        api.expect(200, api.get(sam, path(event)));
        api.expect(204, api.call(alex, "DELETE", path(event) + "/members/" + api.userId(sam), null));
        assertError(api.get(sam, path(event)), 404, "not_found");
        assertError(api.call(sam, "PATCH", path(event), "{\"version\": 1, \"title\": \"Mine now\"}"), 404, "not_found");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String event = api.createEvent(alex, "Christening");
        assertError(api.get(alex, "/api/v1/events/00000000-0000-4000-8000-000000000000"), 404, "not_found");
        assertError(api.get(alex, "/api/v1/events/not-an-id"), 404, "not_found");
        assertError(api.call(alex, "PATCH", path(event) + "/members/not-an-id", "{\"role\": \"viewer\"}"), 404, "not_found");
        assertError(api.call(alex, "DELETE", path(event) + "/members/00000000-0000-4000-8000-000000000000", null), 404, "not_found");
        assertError(api.call(alex, "PATCH", path(event) + "/members/" + api.userId(alex), "{\"role\": \"boss\"}"), 400, "validation_error");
        assertError(api.call(alex, "DELETE", path(event) + "/invites/not-an-id", null), 404, "not_found");
    }

    @Test
    void deletingAnEventRemovesItForEveryone() {
        String event = api.createEvent(alex, "Cancelled party");
        String sam = api.join(alex, event, ApiServer.uniqueEmail("sam"), "editor");
        api.expect(204, api.call(alex, "DELETE", path(event), null));
        assertError(api.get(alex, path(event)), 404, "not_found");
        assertError(api.get(sam, path(event) + "/changes"), 404, "not_found");
    }

    @Test
    void theChangeFeedPagesFromACursor() {
        String event = api.createEvent(alex, "Feed");
        for (int i = 0; i < 5; i++) {
            api.expect(200, api.call(alex, "PATCH", path(event), "{\"version\": " + (i + 1) + ", \"notes\": \"edit " + i + "\"}"));
        }
        JsonNode first = api.expect(200, api.get(alex, path(event) + "/changes?limit=3"));
        assertEquals(List.of(1L, 2L, 3L), seqs(first));
        assertEquals(3, first.path("cursor").asLong());
        assertTrue(first.path("has_more").asBoolean());
        JsonNode change = first.path("changes").get(0);
        assertEquals("event", change.path("entity_type").asText());
        assertEquals(event, change.path("entity_id").asText());
        assertEquals("created", change.path("op").asText());
        assertEquals(1, change.path("version").asLong());
        assertEquals(api.userId(alex), change.path("actor_id").asText());
        assertEquals(event, change.path("event_id").asText());
        assertFalse(change.path("at").asText().isEmpty());
        assertEquals("member", first.path("changes").get(1).path("entity_type").asText());

        JsonNode rest = api.expect(200, api.get(alex, path(event) + "/changes?since=3"));
        assertEquals(List.of(4L, 5L, 6L, 7L), seqs(rest));
        assertEquals(7, rest.path("cursor").asLong());
        assertFalse(rest.path("has_more").asBoolean());
        JsonNode none = api.expect(200, api.get(alex, path(event) + "/changes?since=7"));
        assertEquals(0, none.path("changes").size());
        assertEquals(7, none.path("cursor").asLong());
    }

    @ParameterizedTest
    @CsvSource({"since=-1,since", "since=abc,since", "since=8,since", "limit=0,limit", "limit=1001,limit", "limit=x,limit",
            "limit=4294967297,limit"})
    void aBadCursorOrLimitIsRefused(String query, String field) {
        String event = api.createEvent(alex, "Cursor");
        JsonNode error = assertError(api.get(alex, path(event) + "/changes?" + query), 400, "validation_error");
        assertEquals(field, error.path("info").path("field").asText());
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.path("changes").forEach(change -> seqs.add(change.path("seq").asLong()));
        return seqs;
    }

    private static boolean containsMembership(JsonNode memberships, String event, String title, String role) {
        for (JsonNode membership : memberships) {
            if (membership.path("event_id").asText().equals(event) && membership.path("title").asText().equals(title)
                    && membership.path("role").asText().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
