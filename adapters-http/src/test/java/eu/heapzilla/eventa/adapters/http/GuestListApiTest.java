package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Households and guests over real HTTP: every field, the rules between them, and deleting households. */
class GuestListApiTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static String alex;
    private static String event;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
        event = api.createEvent(alex, "Jane and Tom's wedding");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String households() {
        return "/api/v1/events/" + event + "/households";
    }

    private static String guests() {
        return "/api/v1/events/" + event + "/guests";
    }

    private static String household(String name) {
        return api.expect(201, api.call(alex, "POST", households(), "{\"name\": \"" + name + "\"}")).path("id").asText();
    }

    private static JsonNode guest(String household, String name) {
        return api.expect(201, api.call(alex, "POST", guests(),
                "{\"household_id\": \"" + household + "\", \"name\": \"" + name + "\"}"));
    }

    @Test
    void aHouseholdKeepsItsAddressAndNotesAndClearsThemWithNull() {
        JsonNode created = api.expect(201, api.call(alex, "POST", households(), """
                {"name": "Familie Müller", "address": "Hauptstraße 1\\n1010 Wien", "notes": "Bring the 🎻"}
                """));
        assertEquals("Familie Müller", created.path("name").asText());
        assertEquals("Hauptstraße 1\n1010 Wien", created.path("address").asText());
        assertEquals("Bring the 🎻", created.path("notes").asText());

        JsonNode cleared = api.expect(200, api.call(alex, "PATCH", households() + "/" + created.path("id").asText(),
                "{\"version\": 1, \"address\": null}"));
        assertTrue(cleared.path("address").isNull());
        assertEquals("Bring the 🎻", cleared.path("notes").asText());
        assertEquals("Familie Müller", cleared.path("name").asText());
    }

    @Test
    void aGuestKeepsEveryField() {
        String household = household("The Müllers");
        JsonNode created = api.expect(201, api.call(alex, "POST", guests(), """
                {"household_id": "%s", "name": "Zoë Müller", "email": " Zoe.Mueller@Example.ORG ", "phone": "+43 (1) 234-567",
                 "rsvp": "maybe", "meal_choice": "Vegetarian", "dietary_notes": "No nuts", "plus_one": true,
                 "plus_one_name": "Sam", "child": false, "notes": "Arrives Friday"}
                """.formatted(household)));
        assertEquals(household, created.path("household_id").asText());
        assertEquals("Zoë Müller", created.path("name").asText());
        assertEquals("zoe.mueller@example.org", created.path("email").asText());
        assertEquals("+43 (1) 234-567", created.path("phone").asText());
        assertEquals("maybe", created.path("rsvp").asText());
        assertEquals("Vegetarian", created.path("meal_choice").asText());
        assertEquals("No nuts", created.path("dietary_notes").asText());
        assertTrue(created.path("plus_one").asBoolean());
        assertEquals("Sam", created.path("plus_one_name").asText());
        assertFalse(created.path("child").asBoolean());
        assertEquals("Arrives Friday", created.path("notes").asText());
        assertEquals(created, api.expect(200, api.get(alex, guests() + "/" + created.path("id").asText())));
    }

    @Test
    void aNewGuestHasNotAnsweredYet() {
        JsonNode created = guest(household("The Smiths"), "Ann Smith");
        assertEquals("pending", created.path("rsvp").asText());
        assertFalse(created.path("plus_one").asBoolean());
        assertFalse(created.path("child").asBoolean());
        assertTrue(created.path("email").isNull());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"rsvp\": \"perhaps\"}|rsvp",
            "{\"rsvp\": null}|rsvp",
            "{\"email\": \"not an address\"}|email",
            "{\"phone\": \"call me maybe\"}|phone",
            "{\"plus_one_name\": \"Sam\"}|plus_one_name",
            "{\"plus_one\": \"yes\"}|plus_one",
            "{\"child\": 1}|child",
            "{\"household_id\": \"not-a-uuid\"}|household_id",
            "{\"household_id\": \"7d0c1f7e-0000-4000-8000-000000000000\"}|household_id",
    })
    void aGuestWithABadFieldIsRefusedNamingIt(String extra, String field) {
        String household = household("The Browns");
        JsonNode body = TestClient.json("{\"household_id\": \"" + household + "\", \"name\": \"Bo Brown\"}");
        TestClient.json(extra).fields().forEachRemaining(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) body)
                .set(e.getKey(), e.getValue()));
        int before = api.expect(200, api.get(alex, guests())).path("guests").size();
        JsonNode refused = assertError(api.call(alex, "POST", guests(), body.toString()), 400, "validation_error");
        assertEquals(field, refused.path("info").path("field").asText());
        assertEquals(before, api.expect(200, api.get(alex, guests())).path("guests").size());
    }

    @Test
    void takingThePlusOneAwayForgetsTheirName() {
        String household = household("The Greens");
        JsonNode created = api.expect(201, api.call(alex, "POST", guests(),
                "{\"household_id\": \"" + household + "\", \"name\": \"Gus\", \"plus_one\": true, \"plus_one_name\": \"Pat\"}"));
        JsonNode edited = api.expect(200, api.call(alex, "PATCH", guests() + "/" + created.path("id").asText(),
                "{\"version\": 1, \"plus_one\": false}"));
        assertFalse(edited.path("plus_one").asBoolean());
        assertTrue(edited.path("plus_one_name").isNull());
        assertError(api.call(alex, "PATCH", guests() + "/" + created.path("id").asText(),
                "{\"version\": 2, \"plus_one_name\": \"Pat\"}"), 400, "validation_error");
    }

    @Test
    void aGuestCannotBeMovedIntoAHouseholdOfAnotherEvent() {
        String otherEvent = api.createEvent(alex, "Another party");
        String foreign = api.expect(201, api.call(alex, "POST", "/api/v1/events/" + otherEvent + "/households",
                "{\"name\": \"Elsewhere\"}")).path("id").asText();
        JsonNode guest = guest(household("The Blacks"), "Bea Black");
        String path = guests() + "/" + guest.path("id").asText();

        assertEquals("household_id", assertError(api.call(alex, "PATCH", path,
                "{\"version\": 1, \"household_id\": \"" + foreign + "\"}"), 400, "validation_error")
                .path("info").path("field").asText());
        assertEquals(guest, api.expect(200, api.get(alex, path)));
    }

    @Test
    void aHouseholdWithGuestsCannotBeDeletedUntilTheyAreMovedOut() {
        String family = household("The Whites");
        String other = household("The Greys");
        JsonNode walter = guest(family, "Walter White");
        JsonNode skyler = guest(family, "Skyler White");

        JsonNode refused = assertError(api.call(alex, "DELETE", households() + "/" + family + "?version=1", null),
                409, "household_not_empty");
        assertEquals(2, refused.path("info").path("guests").asInt());
        assertEquals(family, api.expect(200, api.get(alex, guests() + "/" + walter.path("id").asText()))
                .path("household_id").asText());

        api.expect(200, api.call(alex, "PATCH", guests() + "/" + walter.path("id").asText(),
                "{\"version\": 1, \"household_id\": \"" + other + "\"}"));
        api.expect(204, api.call(alex, "DELETE", guests() + "/" + skyler.path("id").asText() + "?version=1", null));
        api.expect(204, api.call(alex, "DELETE", households() + "/" + family + "?version=1", null));
        assertEquals(other, api.expect(200, api.get(alex, guests() + "/" + walter.path("id").asText()))
                .path("household_id").asText());
    }

    @Test
    void anEditThatChangesNothingKeepsTheVersion() {
        JsonNode guest = guest(household("The Reds"), "Rita Red");
        JsonNode same = api.expect(200, api.call(alex, "PATCH", guests() + "/" + guest.path("id").asText(),
                "{\"version\": 1, \"name\": \"Rita Red\"}"));
        assertEquals(1, same.path("version").asLong());
    }

    @Test
    void aViewerReadsTheGuestListButCannotChangeIt() {
        String household = household("The Blues");
        String viewer = api.join(alex, event, ApiServer.uniqueEmail("viewer"), "viewer");
        assertTrue(api.expect(200, api.get(viewer, guests())).path("guests").isArray());
        assertError(api.call(viewer, "POST", guests(), "{\"household_id\": \"" + household + "\", \"name\": \"X\"}"),
                403, "forbidden");
        assertError(api.call(viewer, "DELETE", households() + "/" + household + "?version=1", null), 403, "forbidden");
    }
}
