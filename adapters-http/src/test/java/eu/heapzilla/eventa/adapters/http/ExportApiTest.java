package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Export of a whole event and import of such a document, over real HTTP against a real PostgreSQL. */
class ExportApiTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ApiServer api;
    private static String alex;
    private static String alexId;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
        alexId = api.userId(alex);
        api.expect(200, api.call(alex, "PATCH", "/api/v1/me", "{\"display_name\": \"Alex\"}"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** An event with a bit of everything: unicode, every guest field, tasks in every state, actual 0 and none, a receipt. */
    private record Wedding(String event, String viewer, byte[] receipt) {
    }

    private static Wedding wedding() {
        String event = api.expect(201, api.call(alex, "POST", "/api/v1/events", """
                {"title": "Jane & Tom's Hochzeit 💍", "date": "2027-06-12", "timezone": "Europe/Vienna", "currency": "EUR",
                 "location": "Schloss Hof", "notes": "Ceremony at 14:00\\n\\"Dress\\": black tie\\tno jeans",
                 "planned_budget_cents": 2500000}
                """)).path("id").asText();
        String viewer = api.join(alex, event, ApiServer.uniqueEmail("vera"), "viewer");
        String muellers = create(event, "households", """
                {"name": "Die Müllers", "address": "Hauptstraße 1\\n1010 Wien", "notes": "🎉 close family"}""");
        String otsuka = create(event, "households", "{\"name\": \"大塚家\"}");
        create(event, "guests", """
                {"household_id": "%s", "name": "Anna Müller", "email": "anna@example.org", "phone": "+43 1 234 56",
                 "rsvp": "yes", "meal_choice": "Fisch", "dietary_notes": "keine Nüsse", "plus_one": true,
                 "plus_one_name": "Ben \\"Benny\\" Back\\\\slash", "child": false, "notes": "Cousin\\nfrom Graz"}"""
                .formatted(muellers));
        create(event, "guests", "{\"household_id\": \"" + muellers + "\", \"name\": \"Klein Müller\", \"child\": true, "
                + "\"rsvp\": \"maybe\"}");
        create(event, "guests", "{\"household_id\": \"" + otsuka + "\", \"name\": \"大塚 花子\", \"rsvp\": \"no\"}");
        String venueTask = create(event, "tasks", "{\"title\": \"Book the venue\"}");
        api.expect(200, api.call(alex, "POST", path(event) + "/tasks/" + venueTask + "/complete",
                "{\"done\": true, \"version\": 1}"));
        create(event, "tasks", "{\"title\": \"Call the florist 🌸\", \"assignee_id\": \"" + alexId + "\"}");
        create(event, "tasks", "{\"title\": \"Send invitations\", \"due_on\": \"2027-03-01\", \"notes\": \"Before May\"}");
        create(event, "tasks", "{\"title\": \"Think about music\"}");
        String venue = create(event, "budget-items", """
                {"category": "Venue", "title": "Schloss Hof", "vendor": "Schloss GmbH", "estimated_cents": 1200000,
                 "actual_cents": 0, "paid_cents": 300000, "due_on": "2027-01-01"}""");
        create(event, "budget-items", "{\"category\": \"Flowers\", \"title\": \"Bouquets\", \"estimated_cents\": 45000}");
        byte[] receipt = SampleFiles.pdf();
        Multipart upload = new Multipart().file("Anzahlung Schloß.pdf", "application/pdf", receipt);
        HttpResponse<String> uploaded = api.client.send(api.client.request(path(event) + "/budget-items/" + venue + "/receipts")
                .header("Authorization", "Bearer " + alex).header("Content-Type", upload.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload.bytes())));
        api.expect(201, uploaded);
        return new Wedding(event, viewer, receipt);
    }

    @Test
    void exportingTheSameStateTwiceGivesTheSameBytesAndAChangeChangesThem() {
        Wedding wedding = wedding();

        HttpResponse<byte[]> first = export(alex, wedding.event());
        HttpResponse<byte[]> second = export(alex, wedding.event());

        assertEquals(200, first.statusCode());
        assertArrayEquals(first.body(), second.body());
        assertTrue(first.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("attachment; filename=\"eventa-" + wedding.event() + ".json\"",
                first.headers().firstValue("Content-Disposition").orElseThrow());

        String guest = json(first).path("guests").get(0).path("id").asText();
        api.expect(200, api.call(alex, "PATCH", path(wedding.event()) + "/guests/" + guest,
                "{\"version\": 1, \"dietary_notes\": \"vegan\"}"));
        HttpResponse<byte[]> changed = export(alex, wedding.event());
        assertFalse(Arrays.equals(first.body(), changed.body()));
        assertEquals(json(first).path("cursor").asLong() + 1, json(changed).path("cursor").asLong());
        assertEquals("vegan", json(changed).path("guests").get(0).path("dietary_notes").asText());
    }

    @Test
    void theDocumentIsWrittenInOneFixedLayout() throws IOException {
        Wedding wedding = wedding();
        String text = new String(export(alex, wedding.event()).body(), StandardCharsets.UTF_8);

        assertTrue(text.startsWith("{\n  \"schema_version\": 1,\n  \"cursor\": "), text);
        assertTrue(text.endsWith("\n}\n"), "a final newline");
        assertFalse(text.contains("\r"), "\\n line ends only");
        for (String line : text.split("\n")) {
            int indent = line.length() - line.stripLeading().length();
            assertEquals(0, indent % 2, "two spaces per level: " + line);
            assertFalse(line.contains("\t"), "tabs in text are escaped: " + line);
        }
        assertTrue(text.contains("\"title\": \"Jane & Tom's Hochzeit 💍\""), "unicode is written as it is");
        assertTrue(text.contains("\"name\": \"大塚 花子\""));
        assertTrue(text.contains("\"notes\": \"Ceremony at 14:00\\n\\\"Dress\\\": black tie\\tno jeans\""));
        assertTrue(text.contains("\"plus_one_name\": \"Ben \\\"Benny\\\" Back\\\\slash\""));
        assertTrue(text.contains("\"actual_cents\": 0,"), "actual 0 is a number");
        assertTrue(text.contains("\"actual_cents\": null,"), "no actual amount is null");
        assertTrue(text.contains("\"planned_budget_cents\": 2500000\n"), "money as an integer");

        JsonNode document = JSON.readTree(text);
        assertEquals(List.of("schema_version", "cursor", "event", "members", "households", "guests", "tasks",
                "budget_items", "receipts"), names(document));
        assertEquals(List.of("id", "title", "date", "timezone", "currency", "location", "notes", "planned_budget_cents"),
                names(document.path("event")));
        assertEquals(List.of("user_id", "display_name", "role"), names(document.path("members").get(0)));
        assertEquals(List.of("id", "name", "address", "notes"), names(document.path("households").get(0)));
        assertEquals(List.of("id", "household_id", "name", "email", "phone", "rsvp", "meal_choice", "dietary_notes",
                "plus_one", "plus_one_name", "child", "notes"), names(document.path("guests").get(0)));
        assertEquals(List.of("id", "title", "notes", "due_on", "assignee_id", "done_at", "done_by"),
                names(document.path("tasks").get(0)));
        assertEquals(List.of("id", "category", "title", "vendor", "estimated_cents", "actual_cents", "paid_cents",
                "due_on", "notes"), names(document.path("budget_items").get(0)));
        assertEquals(List.of("id", "budget_item_id", "file_name", "media_type", "size_bytes", "sha256"),
                names(document.path("receipts").get(0)));

        String empty = new String(export(alex, api.createEvent(alex, "Empty")).body(), StandardCharsets.UTF_8);
        assertTrue(empty.contains("\n  \"households\": [],\n"), empty);
    }

    @Test
    void theDocumentHoldsTheWholeEventAtItsCursorEveryListSortedById() {
        Wedding wedding = wedding();
        JsonNode document = json(export(alex, wedding.event()));

        JsonNode changes = api.expect(200, api.get(alex, path(wedding.event()) + "/changes?since=0&limit=1000"));
        assertEquals(changes.path("cursor").asLong(), document.path("cursor").asLong());
        assertEquals(1, document.path("schema_version").asInt());
        assertEquals(wedding.event(), document.path("event").path("id").asText());
        assertEquals("Europe/Vienna", document.path("event").path("timezone").asText());
        assertEquals(2, document.path("members").size());
        assertEquals(2, document.path("households").size());
        assertEquals(3, document.path("guests").size());
        assertEquals(4, document.path("tasks").size());
        assertEquals(2, document.path("budget_items").size());
        assertEquals(1, document.path("receipts").size());
        for (String list : List.of("households", "guests", "tasks", "budget_items", "receipts")) {
            assertSortedBy(document.path(list), "id");
        }
        assertSortedBy(document.path("members"), "user_id");

        JsonNode done = only(document.path("tasks"), "title", "Book the venue");
        assertTrue(done.path("done_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                done.toString());
        assertEquals(alexId, done.path("done_by").asText());
        assertEquals(alexId, only(document.path("tasks"), "title", "Call the florist 🌸").path("assignee_id").asText());
        assertTrue(only(document.path("tasks"), "title", "Think about music").path("due_on").isNull());
        assertEquals("2027-03-01", only(document.path("tasks"), "title", "Send invitations").path("due_on").asText());

        JsonNode receipt = document.path("receipts").get(0);
        assertEquals(sha256(wedding.receipt()), receipt.path("sha256").asText());
        assertEquals(wedding.receipt().length, receipt.path("size_bytes").asLong());
        assertEquals("Anzahlung Schloß.pdf", receipt.path("file_name").asText());
        assertEquals(only(document.path("budget_items"), "title", "Schloss Hof").path("id").asText(),
                receipt.path("budget_item_id").asText());
        JsonNode vera = only(document.path("members"), "role", "viewer");
        assertEquals(api.userId(wedding.viewer()), vera.path("user_id").asText());
    }

    @Test
    void aViewerExportsTheSameBytesAndSomeoneElseIsToldThereIsNoSuchEvent() {
        Wedding wedding = wedding();
        assertArrayEquals(export(alex, wedding.event()).body(), export(wedding.viewer(), wedding.event()).body(),
                "the same state gives the same bytes, whoever asks");

        String stranger = api.signIn(ApiServer.uniqueEmail("stranger"));
        assertError(api.get(stranger, path(wedding.event()) + "/export.json"), 404, "not_found");
        assertError(api.get(null, path(wedding.event()) + "/export.json"), 401, "auth_error");
        assertError(api.get(alex, path(UUID.randomUUID().toString()) + "/export.json"), 404, "not_found");
    }

    @Test
    void exportImportExportGivesTheSameContentApartFromIdsMembersReceiptsAndCursor() {
        Wedding wedding = wedding();
        JsonNode before = json(export(alex, wedding.event()));

        HttpResponse<String> imported = api.call(alex, "POST", "/api/v1/events/import", before.toString());

        JsonNode event = api.expect(201, imported);
        String copy = event.path("id").asText();
        assertNotEquals(wedding.event(), copy);
        assertEquals("/api/v1/events/" + copy, imported.headers().firstValue("Location").orElseThrow());
        assertEquals("owner", event.path("role").asText());
        assertEquals(1, event.path("version").asLong());
        assertEquals(before.path("event").path("title").asText(), event.path("title").asText());
        assertEquals(1, event.path("not_imported").path("receipts").asInt());
        assertEquals(1, event.path("not_imported").path("members").asInt());
        JsonNode after = json(export(alex, copy));

        assertEquals(content(before), content(after));
        assertEquals(List.of(Map.of("user_id", alexId, "display_name", "Alex", "role", "owner")),
                JSON.convertValue(after.path("members"), List.class));
        assertEquals(0, after.path("receipts").size(), "a receipt's bytes are not in the document");
        int entities = after.path("households").size() + after.path("guests").size() + after.path("tasks").size()
                + after.path("budget_items").size();
        assertEquals(2 + entities, after.path("cursor").asLong(), "the event, its owner and one change per entity");
        List<String> oldIds = before.findValuesAsText("id");
        for (String id : after.findValuesAsText("id")) {
            assertFalse(oldIds.contains(id), "every id is new: " + id);
        }
        assertTrue(api.expect(200, api.get(alex, "/api/v1/events")).path("events").findValuesAsText("id").contains(copy));
    }

    @Test
    void anImportedAssigneeWhoIsNotTheImporterIsClearedAndWhoFinishedATaskIsKept() {
        Wedding wedding = wedding();
        JsonNode document = json(export(alex, wedding.event()));
        String gerda = api.signIn(ApiServer.uniqueEmail("gerda"));

        JsonNode copy = api.expect(201, api.call(gerda, "POST", "/api/v1/events/import", document.toString()));
        JsonNode tasks = json(export(gerda, copy.path("id").asText())).path("tasks");

        assertTrue(only(tasks, "title", "Call the florist 🌸").path("assignee_id").isNull(), "Alex is no member of the copy");
        assertEquals(alexId, only(tasks, "title", "Book the venue").path("done_by").asText(), "Alex is a user here");
        assertEquals(only(document.path("tasks"), "title", "Book the venue").path("done_at"),
                only(tasks, "title", "Book the venue").path("done_at"));
        assertEquals(2, copy.path("not_imported").path("members").asInt(), "Alex and Vera");
    }

    static List<Arguments> tamperedDocuments() {
        return List.of(
                tampered("a bad rsvp", "guests[1].rsvp", d -> guest(d, 1).put("rsvp", "perhaps")),
                tampered("a guest in an unknown household", "guests[0].household_id",
                        d -> guest(d, 0).put("household_id", UUID.randomUUID().toString())),
                tampered("schema version 2", "schema_version", d -> d.put("schema_version", 2)),
                tampered("schema version 2 of another shape", "schema_version", d -> {
                    d.put("schema_version", 2);
                    d.put("people", "?");
                }),
                tampered("an unknown field", "colour", d -> d.put("colour", "blue")),
                tampered("an unknown field in a guest", "guests[2].colour", d -> guest(d, 2).put("colour", "blue")),
                tampered("a blank title", "event.title", d -> ((ObjectNode) d.path("event")).put("title", " ")),
                tampered("a negative amount", "budget_items[1].estimated_cents",
                        d -> ((ObjectNode) d.path("budget_items").get(1)).put("estimated_cents", -1)),
                tampered("an amount with a fraction", "budget_items[0].paid_cents",
                        d -> ((ObjectNode) d.path("budget_items").get(0)).put("paid_cents", 1.5)),
                tampered("one household twice", "households[1].id", d -> ((ObjectNode) d.path("households").get(1))
                        .put("id", d.path("households").get(0).path("id").asText())),
                tampered("done_at without done_by", "tasks[0].done_by", d -> {
                    for (JsonNode task : d.path("tasks")) {
                        ((ObjectNode) task).putNull("done_by");
                        ((ObjectNode) task).put("done_at", "2026-06-01T09:00:00Z");
                    }
                }),
                tampered("a guest without a name", "guests[0].name", d -> guest(d, 0).remove("name")),
                tampered("a plus-one name without a plus-one", "guests[0].plus_one_name", d -> {
                    for (JsonNode guest : d.path("guests")) {
                        ((ObjectNode) guest).put("plus_one", false).put("plus_one_name", "Someone");
                    }
                }),
                tampered("an unknown currency", "event.currency", d -> ((ObjectNode) d.path("event")).put("currency", "XYZ")),
                tampered("a receipt of an unknown media type", "receipts[0].media_type",
                        d -> ((ObjectNode) d.path("receipts").get(0)).put("media_type", "text/html")),
                tampered("guests that are no list", "guests", d -> d.put("guests", "none")));
    }

    private static Arguments tampered(String what, String field, Consumer<ObjectNode> change) {
        return Arguments.of(what, field, change);
    }

    private static ObjectNode guest(ObjectNode document, int index) {
        return (ObjectNode) document.path("guests").get(index);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedDocuments")
    void aTamperedDocumentIsRefusedNamingTheFieldAndNoEventAppears(String what, String field, Consumer<ObjectNode> change) {
        Wedding wedding = wedding();
        ObjectNode document = (ObjectNode) json(export(alex, wedding.event()));
        change.accept(document);
        int before = api.expect(200, api.get(alex, "/api/v1/events")).path("events").size();

        JsonNode error = assertError(api.call(alex, "POST", "/api/v1/events/import", document.toString()), 400,
                "validation_error");

        assertEquals(field, error.path("info").path("field").asText(), error.toString());
        assertEquals(before, api.expect(200, api.get(alex, "/api/v1/events")).path("events").size());
    }

    @Test
    void aDocumentMayBeLargerThanOtherBodiesButNotUnlimited() {
        ObjectNode document = minimalDocument();
        ArrayNode households = document.putArray("households");
        for (int i = 0; i < 100; i++) {
            households.addObject().put("id", UUID.randomUUID().toString()).put("name", "Household " + i)
                    .put("notes", "n".repeat(1_000));
        }
        String body = document.toString();
        assertTrue(body.length() > 64 * 1024, "larger than the test server's general limit of 64 KiB");
        JsonNode created = api.expect(201, api.call(alex, "POST", "/api/v1/events/import", body));
        assertEquals(100, json(export(alex, created.path("id").asText())).path("households").size());

        assertError(api.call(alex, "POST", "/api/v1/events", "{\"title\": \"" + "x".repeat(70 * 1024) + "\"}"), 413,
                "too_large");
        byte[] huge = new byte[(int) ExportRoutes.MAX_IMPORT_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> tooLarge = api.client.send(api.client.request("/api/v1/events/import")
                .header("Authorization", "Bearer " + alex).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        assertError(tooLarge, 413, "too_large");
    }

    @Test
    void anImportIsNotJustAnyEventBody() {
        assertError(api.call(alex, "POST", "/api/v1/events/import", "{\"title\": \"Party\"}"), 400, "validation_error");
        JsonNode error = assertError(api.call(alex, "POST", "/api/v1/events/import", "[]"), 400, "validation_error");
        assertTrue(error.path("detail").asText().contains("object"), error.toString());
        assertError(api.call(null, "POST", "/api/v1/events/import", minimalDocument().toString()), 401, "auth_error");
    }

    /**
     * What a document says apart from ids, members, receipts and cursor. Households are known by
     * their content (unique in these tests, checked), guests by their household's content; the
     * lists are then sorted by their text, so the ids' order does not matter either.
     */
    private static Map<String, Object> content(JsonNode document) {
        Map<String, String> householdKey = new HashMap<>();
        for (JsonNode household : document.path("households")) {
            ObjectNode key = household.deepCopy();
            key.remove("id");
            String previous = householdKey.put(household.path("id").asText(), key.toString());
            assertEquals(null, previous);
        }
        assertEquals(householdKey.size(), new HashSet<>(householdKey.values()).size(),
                "households are told apart by their content");
        ObjectNode event = document.path("event").deepCopy();
        event.remove("id");
        List<String> guests = new ArrayList<>();
        for (JsonNode guest : document.path("guests")) {
            ObjectNode copy = guest.deepCopy();
            copy.remove("id");
            copy.put("household_id", householdKey.get(guest.path("household_id").asText()));
            guests.add(copy.toString());
        }
        return Map.of("schema_version", document.path("schema_version").asInt(), "event", event.toString(),
                "households", withoutIds(document.path("households")), "guests", sorted(guests),
                "tasks", withoutIds(document.path("tasks")), "budget_items", withoutIds(document.path("budget_items")));
    }

    private static List<String> withoutIds(JsonNode list) {
        List<String> texts = new ArrayList<>();
        for (JsonNode entry : list) {
            ObjectNode copy = entry.deepCopy();
            copy.remove("id");
            texts.add(copy.toString());
        }
        return sorted(texts);
    }

    private static List<String> sorted(List<String> texts) {
        return texts.stream().sorted().toList();
    }

    private static ObjectNode minimalDocument() {
        ObjectNode document = JSON.createObjectNode();
        document.put("schema_version", 1).put("cursor", 0);
        document.putObject("event").put("id", UUID.randomUUID().toString()).put("title", "Imported")
                .put("timezone", "UTC").put("currency", "EUR");
        for (String list : List.of("members", "households", "guests", "tasks", "budget_items", "receipts")) {
            document.putArray(list);
        }
        return document;
    }

    private static String path(String event) {
        return "/api/v1/events/" + event;
    }

    /** Creates one resource of the event as Alex and returns its id. */
    private static String create(String event, String resources, String json) {
        return api.expect(201, api.call(alex, "POST", path(event) + "/" + resources, json)).path("id").asText();
    }

    private static HttpResponse<byte[]> export(String bearer, String event) {
        HttpRequest.Builder request = api.client.request(path(event) + "/export.json").GET();
        request.header("Authorization", "Bearer " + bearer);
        HttpResponse<byte[]> response = api.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static void assertSortedBy(JsonNode list, String field) {
        List<String> ids = list.findValuesAsText(field);
        assertEquals(ids.stream().sorted().toList(), ids, field + " order of " + list);
    }

    /** The one entry of {@code list} whose {@code field} is {@code value}. */
    private static JsonNode only(JsonNode list, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(entry -> {
            if (entry.path(field).asText().equals(value)) {
                found.add(entry);
            }
        });
        assertEquals(1, found.size(), field + " = " + value + " in " + list);
        return found.get(0);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
