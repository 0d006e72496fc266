package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checklist over real HTTP: completing, assignees, filters, the timeline, and members who leave. */
class ChecklistApiTest {

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

    private static String tasks(String event) {
        return "/api/v1/events/" + event + "/tasks";
    }

    private static JsonNode task(String bearer, String event, String json) {
        return api.expect(201, api.call(bearer, "POST", tasks(event), json));
    }

    private static Set<String> titles(JsonNode list) {
        Set<String> titles = new TreeSet<>();
        list.forEach(task -> titles.add(task.path("title").asText()));
        return titles;
    }

    @Test
    void completingATaskRecordsWhoAndWhenAndUndoingClearsIt() {
        String event = api.createEvent(alex, "Wedding");
        String gerda = api.join(alex, event, ApiServer.uniqueEmail("gerda"), "editor");
        JsonNode task = task(alex, event, "{\"title\": \"Book the florist\", \"due_on\": \"2027-05-01\"}");
        String path = tasks(event) + "/" + task.path("id").asText();
        assertFalse(task.path("done").asBoolean());
        assertTrue(task.path("done_at").isNull());

        JsonNode done = api.expect(200, api.call(gerda, "POST", path + "/complete", "{\"done\": true, \"version\": 1}"));
        assertTrue(done.path("done").asBoolean());
        assertEquals(2, done.path("version").asLong());
        assertEquals(api.userId(gerda), done.path("done_by").asText());
        assertTrue(done.path("done_at").isTextual());

        JsonNode again = api.expect(200, api.call(alex, "POST", path + "/complete", "{\"done\": true, \"version\": 2}"));
        assertEquals(2, again.path("version").asLong(), "marking a done task done changes nothing");
        assertEquals(api.userId(gerda), again.path("done_by").asText());

        assertError(api.call(alex, "POST", path + "/complete", "{\"done\": false, \"version\": 1}"), 409, "version_conflict");
        JsonNode undone = api.expect(200, api.call(alex, "POST", path + "/complete", "{\"done\": false, \"version\": 2}"));
        assertFalse(undone.path("done").asBoolean());
        assertTrue(undone.path("done_at").isNull());
        assertTrue(undone.path("done_by").isNull());
        assertEquals(3, undone.path("version").asLong());

        assertError(api.call(alex, "POST", path + "/complete", "{\"version\": 3}"), 400, "validation_error");
        assertError(api.call(alex, "POST", path + "/complete", "{\"done\": \"yes\", \"version\": 3}"), 400, "validation_error");
        String viewer = api.join(alex, event, ApiServer.uniqueEmail("viewer"), "viewer");
        assertError(api.call(viewer, "POST", path + "/complete", "{\"done\": true, \"version\": 3}"), 403, "forbidden");
    }

    @Test
    void anAssigneeMustBeAMemberOfTheEvent() {
        String event = api.createEvent(alex, "Wedding");
        String stranger = api.signIn(ApiServer.uniqueEmail("stranger"));
        JsonNode refused = assertError(api.call(alex, "POST", tasks(event),
                "{\"title\": \"Cake\", \"assignee_id\": \"" + api.userId(stranger) + "\"}"), 400, "validation_error");
        assertEquals("assignee_id", refused.path("info").path("field").asText());
        assertEquals(0, api.expect(200, api.get(alex, tasks(event))).path("tasks").size());

        JsonNode mine = task(alex, event, "{\"title\": \"Cake\", \"assignee_id\": \"" + api.userId(alex) + "\"}");
        assertEquals(api.userId(alex), mine.path("assignee_id").asText());
        JsonNode cleared = api.expect(200, api.call(alex, "PATCH", tasks(event) + "/" + mine.path("id").asText(),
                "{\"version\": 1, \"assignee_id\": null}"));
        assertTrue(cleared.path("assignee_id").isNull());
    }

    @Test
    void theListFiltersByAssigneeDoneAndDueDate() {
        String event = api.createEvent(alex, "Wedding");
        String gerda = api.join(alex, event, ApiServer.uniqueEmail("gerda"), "editor");
        String gerdaId = api.userId(gerda);
        task(alex, event, "{\"title\": \"Venue\", \"due_on\": \"2027-01-10\", \"assignee_id\": \"" + api.userId(alex) + "\"}");
        task(alex, event, "{\"title\": \"Band\", \"due_on\": \"2027-02-01\", \"assignee_id\": \"" + gerdaId + "\"}");
        task(alex, event, "{\"title\": \"Rings\"}");
        JsonNode cake = task(alex, event, "{\"title\": \"Cake\", \"due_on\": \"2027-01-31\", \"assignee_id\": \"" + gerdaId + "\"}");
        api.expect(200, api.call(alex, "POST", tasks(event) + "/" + cake.path("id").asText() + "/complete",
                "{\"done\": true, \"version\": 1}"));

        assertEquals(List.of("Venue", "Cake", "Band", "Rings"),
                api.expect(200, api.get(alex, tasks(event))).path("tasks").findValuesAsText("title"),
                "dated first by due date, undated last");
        assertEquals(Set.of("Band", "Cake"), titles(api.expect(200, api.get(alex, tasks(event) + "?assignee=" + gerdaId)).path("tasks")));
        assertEquals(Set.of("Band", "Cake"), titles(api.expect(200, api.get(gerda, tasks(event) + "?assignee=me")).path("tasks")));
        assertEquals(Set.of("Cake"), titles(api.expect(200, api.get(alex, tasks(event) + "?done=true")).path("tasks")));
        assertEquals(Set.of("Venue", "Band", "Rings"), titles(api.expect(200, api.get(alex, tasks(event) + "?done=false")).path("tasks")));
        assertEquals(Set.of("Venue"), titles(api.expect(200, api.get(alex, tasks(event) + "?due_before=2027-01-31")).path("tasks")),
                "due exactly on the day is not before it");
        assertEquals(Set.of("Band"), titles(api.expect(200, api.get(alex, tasks(event)
                + "?assignee=" + gerdaId + "&done=false&due_before=2027-03-01")).path("tasks")));
    }

    @ParameterizedTest
    @CsvSource({"assignee=nobody,assignee", "done=maybe,done", "due_before=31.01.2027,due_before"})
    void aBadFilterIsRefusedNamingIt(String query, String field) {
        String event = api.createEvent(alex, "Wedding");
        assertEquals(field, assertError(api.get(alex, tasks(event) + "?" + query), 400, "validation_error")
                .path("info").path("field").asText());
    }

    @Test
    void aMemberWhoLeavesIsUnassignedFromTheirTasksInTheSameWrite() {
        String event = api.createEvent(alex, "Wedding");
        String gerda = api.join(alex, event, ApiServer.uniqueEmail("gerda"), "editor");
        String gerdaId = api.userId(gerda);
        JsonNode band = task(alex, event, "{\"title\": \"Band\", \"assignee_id\": \"" + gerdaId + "\"}");
        JsonNode cake = task(alex, event, "{\"title\": \"Cake\", \"assignee_id\": \"" + api.userId(alex) + "\"}");
        long cursor = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/changes")).path("cursor").asLong();

        api.expect(204, api.call(gerda, "DELETE", "/api/v1/events/" + event + "/members/" + gerdaId, null));

        JsonNode unassigned = api.expect(200, api.get(alex, tasks(event) + "/" + band.path("id").asText()));
        assertTrue(unassigned.path("assignee_id").isNull());
        assertEquals(2, unassigned.path("version").asLong());
        assertEquals(api.userId(alex), api.expect(200, api.get(alex, tasks(event) + "/" + cake.path("id").asText()))
                .path("assignee_id").asText());
        List<String> changes = new ArrayList<>();
        for (JsonNode change : api.expect(200, api.get(alex, "/api/v1/events/" + event + "/changes?since=" + cursor))
                .path("changes")) {
            changes.add(change.path("entity_type").asText() + " " + change.path("op").asText());
        }
        assertEquals(List.of("task updated", "member deleted"), changes);
    }

    @Test
    void theTimelineBucketsOpenTasksFromTheDayAsked() {
        String event = api.expect(201, api.call(alex, "POST", "/api/v1/events",
                "{\"title\": \"Wedding\", \"timezone\": \"Europe/Vienna\"}")).path("id").asText();
        task(alex, event, "{\"title\": \"Overdue\", \"due_on\": \"2027-01-27\"}");
        task(alex, event, "{\"title\": \"Today\", \"due_on\": \"2027-01-28\"}");
        task(alex, event, "{\"title\": \"Sunday\", \"due_on\": \"2027-01-31\"}");
        task(alex, event, "{\"title\": \"Next month\", \"due_on\": \"2027-02-01\"}");
        task(alex, event, "{\"title\": \"Undated\"}");
        JsonNode done = task(alex, event, "{\"title\": \"Done\", \"due_on\": \"2027-01-01\"}");
        api.expect(200, api.call(alex, "POST", tasks(event) + "/" + done.path("id").asText() + "/complete",
                "{\"done\": true, \"version\": 1}"));

        JsonNode timeline = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/timeline?today=2027-01-28"));
        assertEquals("2027-01-28", timeline.path("today").asText());
        assertEquals("Europe/Vienna", timeline.path("timezone").asText());
        JsonNode buckets = timeline.path("buckets");
        assertEquals(List.of("overdue", "this_week", "this_month", "later", "undated", "done"),
                iterate(buckets.fieldNames()));
        assertEquals(List.of("Overdue"), buckets.path("overdue").findValuesAsText("title"));
        assertEquals(List.of("Today", "Sunday"), buckets.path("this_week").findValuesAsText("title"));
        assertEquals(List.of(), buckets.path("this_month").findValuesAsText("title"));
        assertEquals(List.of("Next month"), buckets.path("later").findValuesAsText("title"));
        assertEquals(List.of("Undated"), buckets.path("undated").findValuesAsText("title"));
        assertEquals(List.of(), buckets.path("done").findValuesAsText("title"), "done long before 2027-01-28 is not recent");

        JsonNode fromTokyo = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/timeline?tz=Asia/Tokyo&today=2027-02-01"));
        assertEquals("Asia/Tokyo", fromTokyo.path("timezone").asText());
        assertEquals(List.of("Overdue", "Today", "Sunday"), fromTokyo.path("buckets").path("overdue").findValuesAsText("title"));
        assertEquals(List.of("Next month"), fromTokyo.path("buckets").path("this_week").findValuesAsText("title"));

        JsonNode now = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/timeline"));
        assertEquals(List.of("Done"), now.path("buckets").path("done").findValuesAsText("title"),
                "seen from today, the task just done is recent");
    }

    @ParameterizedTest
    @CsvSource({"tz=Mars/Olympus_Mons,tz", "tz=+02:00,tz", "today=2027-02-30,today", "today=tomorrow,today"})
    void aBadTimelineQueryIsRefusedNamingIt(String query, String field) {
        String event = api.createEvent(alex, "Wedding");
        assertEquals(field, assertError(api.get(alex, "/api/v1/events/" + event + "/timeline?" + query.replace("+", "%2B")),
                400, "validation_error").path("info").path("field").asText());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
