package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same life of one resource for each kind of planning resource, over real HTTP against a
 * real PostgreSQL: create, read (ETag, 304), list, edit from its version, a stale edit or
 * delete refused with 409 and nothing changed, delete, and no access through another event's
 * path. Each write shows up in the event's change feed.
 */
class ResourceCrudTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static String alex;

    /** One kind of resource: where it lives, a body to create one, and an edit of one field. */
    enum Resource {
        HOUSEHOLDS("households", "household", (event, household) -> "{\"name\": \"The Müllers\"}",
                "name", "The Meiers"),
        GUESTS("guests", "guest", (event, household) -> "{\"household_id\": \"" + household + "\", \"name\": \"Anna\"}",
                "name", "Anna Müller"),
        TASKS("tasks", "task", (event, household) -> "{\"title\": \"Book the florist\"}",
                "title", "Book the florist and the band"),
        BUDGET_ITEMS("budget-items", "budget_item", (event, household) -> "{\"category\": \"Flowers\", \"title\": \"Bouquets\"}",
                "title", "Bouquets and garlands");

        final String plural;
        final String entityType;
        final BiFunction<String, String, String> create;
        final String field;
        final String edited;

        Resource(String plural, String entityType, BiFunction<String, String, String> create, String field,
                 String edited) {
            this.plural = plural;
            this.entityType = entityType;
            this.create = create;
            this.field = field;
            this.edited = edited;
        }

        String listName() {
            return plural.replace('-', '_');
        }
    }

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String collection(String event, Resource resource) {
        return "/api/v1/events/" + event + "/" + resource.plural;
    }

    /** A fresh event of alex's, and a household in it for guests to go in. */
    private static String[] eventWithHousehold() {
        String event = api.createEvent(alex, "Jane and Tom's wedding");
        String household = api.expect(201, api.call(alex, "POST", "/api/v1/events/" + event + "/households",
                "{\"name\": \"The Hosts\"}")).path("id").asText();
        return new String[] {event, household};
    }

    private static JsonNode create(String bearer, String event, String household, Resource resource) {
        HttpResponse<String> created = api.call(bearer, "POST", collection(event, resource),
                resource.create.apply(event, household));
        JsonNode body = api.expect(201, created);
        assertEquals(collection(event, resource) + "/" + body.path("id").asText(),
                created.headers().firstValue("Location").orElseThrow());
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        return body;
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void aResourceIsCreatedReadListedEditedAndDeleted(Resource resource) {
        String[] world = eventWithHousehold();
        String event = world[0];
        JsonNode created = create(alex, event, world[1], resource);
        String id = created.path("id").asText();
        String one = collection(event, resource) + "/" + id;
        assertEquals(1, created.path("version").asLong());
        assertEquals(event, created.path("event_id").asText());
        assertEquals(api.userId(alex), created.path("created_by").asText());

        HttpResponse<String> read = api.get(alex, one);
        assertEquals(created, api.expect(200, read));
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElseThrow());
        HttpRequest.Builder conditional = api.client.request(one).header("Authorization", "Bearer " + alex)
                .header("If-None-Match", "\"1\"").GET();
        assertEquals(304, api.client.send(conditional).statusCode());

        JsonNode list = api.expect(200, api.get(alex, collection(event, resource))).path(resource.listName());
        assertEquals(List.of(id), list.findValuesAsText("id").stream().filter(id::equals).toList());

        HttpResponse<String> patched = api.call(alex, "PATCH", one,
                "{\"version\": 1, \"" + resource.field + "\": \"" + resource.edited + "\"}");
        JsonNode edited = api.expect(200, patched);
        assertEquals(2, edited.path("version").asLong());
        assertEquals(resource.edited, edited.path(resource.field).asText());
        assertEquals("\"2\"", patched.headers().firstValue("ETag").orElseThrow());

        api.expect(204, api.call(alex, "DELETE", one + "?version=2", null));
        assertError(api.get(alex, one), 404, "not_found");
        assertFalse(api.expect(200, api.get(alex, collection(event, resource))).path(resource.listName())
                .findValuesAsText("id").contains(id));

        JsonNode changes = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/changes?since=0")).path("changes");
        List<String> ops = new java.util.ArrayList<>();
        for (JsonNode change : changes) {
            if (change.path("entity_id").asText().equals(id)) {
                assertEquals(resource.entityType, change.path("entity_type").asText());
                ops.add(change.path("op").asText() + "@" + change.path("version").asLong());
            }
        }
        assertEquals(List.of("created@1", "updated@2", "deleted@3"), ops);
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void aStaleEditOrDeleteIsRefusedAndChangesNothing(Resource resource) {
        String[] world = eventWithHousehold();
        String event = world[0];
        String id = create(alex, event, world[1], resource).path("id").asText();
        String one = collection(event, resource) + "/" + id;
        api.expect(200, api.call(alex, "PATCH", one, "{\"version\": 1, \"" + resource.field + "\": \"" + resource.edited + "\"}"));
        int changesBefore = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/changes")).path("changes").size();

        JsonNode conflict = assertError(api.call(alex, "PATCH", one, "{\"version\": 1, \"" + resource.field + "\": \"Stale\"}"),
                409, "version_conflict");
        assertEquals(1, conflict.path("info").path("your_version").asLong());
        assertEquals(2, conflict.path("info").path("current").path("version").asLong());
        assertEquals(resource.edited, conflict.path("info").path("current").path(resource.field).asText());
        assertEquals(api.userId(alex), conflict.path("info").path("changed_by").path("id").asText());
        assertError(api.call(alex, "DELETE", one + "?version=1", null), 409, "version_conflict");
        assertError(api.call(alex, "DELETE", one, null), 400, "validation_error");

        JsonNode now = api.expect(200, api.get(alex, one));
        assertEquals(2, now.path("version").asLong());
        assertEquals(resource.edited, now.path(resource.field).asText());
        assertEquals(changesBefore,
                api.expect(200, api.get(alex, "/api/v1/events/" + event + "/changes")).path("changes").size());

        HttpRequest.Builder ifMatch = api.client.request(one).header("Authorization", "Bearer " + alex)
                .header("If-Match", "\"2\"").DELETE();
        assertEquals(204, api.client.send(ifMatch).statusCode());
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void anIdFromAnotherEventIsNotFoundThroughThisOne(Resource resource) {
        String[] mine = eventWithHousehold();
        String[] other = eventWithHousehold();
        String foreign = create(alex, other[0], other[1], resource).path("id").asText();
        String guessed = collection(mine[0], resource) + "/" + foreign;

        assertError(api.get(alex, guessed), 404, "not_found");
        assertError(api.call(alex, "PATCH", guessed, "{\"version\": 1, \"" + resource.field + "\": \"Hijacked\"}"),
                404, "not_found");
        assertError(api.call(alex, "DELETE", guessed + "?version=1", null), 404, "not_found");
        assertError(api.get(alex, collection(mine[0], resource) + "/not-a-uuid"), 404, "not_found");

        JsonNode untouched = api.expect(200, api.get(alex, collection(other[0], resource) + "/" + foreign));
        assertEquals(1, untouched.path("version").asLong());
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void anEditorEditsWhatTheOwnerCreatedAndTheConflictNamesThem(Resource resource) {
        String event = api.createEvent(alex, "Reunion");
        String editor = api.join(alex, event, ApiServer.uniqueEmail("gerda"), "editor");
        api.expect(200, api.call(editor, "PATCH", "/api/v1/me", "{\"display_name\": \"Gerda\"}"));
        String household = api.expect(201, api.call(alex, "POST", "/api/v1/events/" + event + "/households",
                "{\"name\": \"The Hosts\"}")).path("id").asText();
        String one = collection(event, resource) + "/" + create(alex, event, household, resource).path("id").asText();

        JsonNode edited = api.expect(200, api.call(editor, "PATCH", one,
                "{\"version\": 1, \"" + resource.field + "\": \"" + resource.edited + "\"}"));
        assertEquals(api.userId(editor), edited.path("updated_by").asText());
        JsonNode conflict = assertError(api.call(alex, "PATCH", one,
                "{\"version\": 1, \"" + resource.field + "\": \"Mine\"}"), 409, "version_conflict");
        assertEquals("Gerda", conflict.path("info").path("changed_by").path("display_name").asText());
        assertTrue(conflict.path("info").path("changed_at").isTextual());
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void badBodiesAreRefusedWithTheFieldNamedAndNothingIsCreated(Resource resource) {
        String[] world = eventWithHousehold();
        String event = world[0];
        String list = collection(event, resource);
        int before = api.expect(200, api.get(alex, list)).path(resource.listName()).size();

        assertEquals("surprise", assertError(api.call(alex, "POST", list, "{\"surprise\": 1}"), 400, "validation_error")
                .path("info").path("field").asText());
        assertError(api.call(alex, "POST", list, "[1, 2]"), 400, "validation_error");
        assertError(api.call(alex, "POST", list, "{\"" + resource.field + "\": 42}"), 400, "validation_error");
        assertError(api.call(alex, "POST", list, "{not json"), 400, "validation_error");
        String tooLong = "x".repeat(201);
        JsonNode refused = assertError(api.call(alex, "POST", list,
                withField(resource.create.apply(event, world[1]), resource.field, tooLong)), 400, "validation_error");
        assertEquals(resource.field, refused.path("info").path("field").asText());

        assertEquals(before, api.expect(200, api.get(alex, list)).path(resource.listName()).size());
        String id = create(alex, event, world[1], resource).path("id").asText();
        assertError(api.call(alex, "PATCH", list + "/" + id, "{\"" + resource.field + "\": \"No version\"}"),
                400, "validation_error");
        assertError(api.call(alex, "PATCH", list + "/" + id, "{\"version\": \"1\"}"), 400, "validation_error");
        assertEquals(1, api.expect(200, api.get(alex, list + "/" + id)).path("version").asLong());
    }

    private static String withField(String json, String field, String value) {
        JsonNode node = TestClient.json(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put(field, value);
        return node.toString();
    }
}
