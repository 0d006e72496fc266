package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every API route the server has registered × every kind of caller, against the status the
 * route's declared {@link Access} implies. The routes come from the server itself, so a new
 * route without a sample request here fails this test instead of going unchecked.
 */
class AuthorisationMatrixTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;

    enum Caller { NO_TOKEN, NON_MEMBER, REMOVED_MEMBER, VIEWER, EDITOR, OWNER }

    /** A request that succeeds for a caller allowed to make it, built against a fresh event. */
    record Sample(int success, Function<World, String> body, String query, boolean upload) {
    }

    /** One event with one member of each kind, created afresh for every cell of the matrix. */
    record World(String event, String owner, String editor, String viewer, String removed, String outsider,
                 String target, String invite, String household, String guestHousehold, String guest, String task,
                 String item, String receipt) {

        String bearerOf(Caller caller) {
            return switch (caller) {
                case NO_TOKEN -> null;
                case NON_MEMBER -> outsider;
                case REMOVED_MEMBER -> removed;
                case VIEWER -> viewer;
                case EDITOR -> editor;
                case OWNER -> owner;
            };
        }

        String path(String template) {
            String path = template.replace("{event}", event).replace("{user}", target).replace("{invite}", invite)
                    .replace("{household}", household).replace("{guest}", guest).replace("{task}", task)
                    .replace("{item}", item).replace("{receipt}", receipt)
                    .replace("{push_token}", "never-registered").replace("{notification}", UUID.randomUUID().toString());
            return path.contains("{token}")
                    ? path.replace("{token}", api.mailer.lastInviteTokenFor(freshInvite(this)).reveal()) : path;
        }
    }

    private static final Map<String, Sample> SAMPLES = Map.ofEntries(
            sample("POST /api/v1/auth/magic-link", 202, w -> "{\"email\": \"" + ApiServer.uniqueEmail("someone") + "\"}"),
            sample("POST /api/v1/auth/verify", 200, w -> "{\"token\": \"" + freshSignInToken() + "\"}"),
            sample("POST /api/v1/auth/logout", 204, w -> null),
            sample("GET /api/v1/me", 200, w -> null),
            sample("PATCH /api/v1/me", 200, w -> "{\"display_name\": \"Sam\"}"),
            sample("POST /api/v1/me/push-tokens", 204,
                    w -> "{\"token\": \"fcm-" + UUID.randomUUID() + "\", \"platform\": \"android\"}"),
            // Nobody registered this token, so every signed-in caller reaches the route and is told so.
            sample("DELETE /api/v1/me/push-tokens/{push_token}", 404, w -> null),
            sample("GET /api/v1/me/notifications", 200, w -> null),
            sample("POST /api/v1/me/notifications/{notification}/read", 404, w -> null),
            sample("POST /api/v1/me/notifications/read-all", 200, w -> null),
            sample("POST /api/v1/events", 201, w -> "{\"title\": \"Another party\"}"),
            sample("GET /api/v1/events", 200, w -> null),
            sample("GET /api/v1/events/{event}", 200, w -> null),
            sample("PATCH /api/v1/events/{event}", 200, w -> "{\"version\": 1, \"location\": \"Vienna\"}"),
            sample("DELETE /api/v1/events/{event}", 204, w -> null),
            sample("GET /api/v1/events/{event}/members", 200, w -> null),
            sample("PATCH /api/v1/events/{event}/members/{user}", 200, w -> "{\"role\": \"editor\"}"),
            sample("DELETE /api/v1/events/{event}/members/{user}", 204, w -> null),
            sample("POST /api/v1/events/{event}/invites", 201,
                    w -> "{\"email\": \"" + ApiServer.uniqueEmail("guest") + "\", \"role\": \"viewer\"}"),
            sample("GET /api/v1/events/{event}/invites", 200, w -> null),
            sample("DELETE /api/v1/events/{event}/invites/{invite}", 204, w -> null),
            sample("POST /api/v1/invites/{token}/accept", 200, w -> null),
            sample("GET /api/v1/events/{event}/changes", 200, w -> null),
            sample("GET /api/v1/events/{event}/presence", 200, w -> null),
            sample("GET /api/v1/events/{event}/export.json", 200, w -> null),
            sample("POST /api/v1/events/import", 201, w -> "{\"schema_version\": 1, \"cursor\": 0, \"event\": {\"id\": \""
                    + w.event() + "\", \"title\": \"Imported party\", \"timezone\": \"UTC\", \"currency\": \"EUR\"},"
                    + " \"members\": [], \"households\": [], \"guests\": [], \"tasks\": [], \"budget_items\": [],"
                    + " \"receipts\": []}"),
            sample("GET /api/v1/events/{event}/households", 200, w -> null),
            sample("POST /api/v1/events/{event}/households", 201, w -> "{\"name\": \"The Müllers\"}"),
            sample("GET /api/v1/events/{event}/households/{household}", 200, w -> null),
            sample("PATCH /api/v1/events/{event}/households/{household}", 200, w -> "{\"version\": 1, \"name\": \"The Meiers\"}"),
            sample("DELETE /api/v1/events/{event}/households/{household}", 204, w -> null, "?version=1"),
            sample("GET /api/v1/events/{event}/guests", 200, w -> null),
            sample("POST /api/v1/events/{event}/guests", 201,
                    w -> "{\"household_id\": \"" + w.guestHousehold() + "\", \"name\": \"Anna\"}"),
            sample("GET /api/v1/events/{event}/guests/{guest}", 200, w -> null),
            sample("PATCH /api/v1/events/{event}/guests/{guest}", 200, w -> "{\"version\": 1, \"rsvp\": \"yes\"}"),
            sample("DELETE /api/v1/events/{event}/guests/{guest}", 204, w -> null, "?version=1"),
            sample("GET /api/v1/events/{event}/tasks", 200, w -> null),
            sample("POST /api/v1/events/{event}/tasks", 201, w -> "{\"title\": \"Book the band\"}"),
            sample("GET /api/v1/events/{event}/tasks/{task}", 200, w -> null),
            sample("PATCH /api/v1/events/{event}/tasks/{task}", 200, w -> "{\"version\": 1, \"due_on\": \"2027-05-01\"}"),
            sample("DELETE /api/v1/events/{event}/tasks/{task}", 204, w -> null, "?version=1"),
            sample("POST /api/v1/events/{event}/tasks/{task}/complete", 200, w -> "{\"done\": true, \"version\": 1}"),
            sample("GET /api/v1/events/{event}/timeline", 200, w -> null),
            sample("GET /api/v1/events/{event}/budget-items", 200, w -> null),
            sample("POST /api/v1/events/{event}/budget-items", 201, w -> "{\"category\": \"Band\", \"title\": \"Trio\"}"),
            sample("GET /api/v1/events/{event}/budget-items/{item}", 200, w -> null),
            sample("PATCH /api/v1/events/{event}/budget-items/{item}", 200, w -> "{\"version\": 1, \"paid_cents\": 100}"),
            sample("DELETE /api/v1/events/{event}/budget-items/{item}", 204, w -> null, "?version=1"),
            sample("GET /api/v1/events/{event}/budget/summary", 200, w -> null),
            Map.entry("POST /api/v1/events/{event}/budget-items/{item}/receipts", new Sample(201, w -> null, "", true)),
            sample("GET /api/v1/events/{event}/receipts/{receipt}", 200, w -> null),
            sample("DELETE /api/v1/events/{event}/receipts/{receipt}", 204, w -> null));

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (HttpServer.Route route : api.server.routes()) {
            if (!route.isApi()) {
                continue;
            }
            String key = route.method() + " " + route.path();
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(key + " as " + caller, () -> {
                    Sample sample = SAMPLES.get(key);
                    assertNotNull(sample, "no sample request for " + key + ": add one to " + getClass().getSimpleName());
                    World world = freshWorld();
                    HttpResponse<String> response = sample.upload()
                            ? api.upload(world.bearerOf(caller), world.path(route.path()), receiptFile())
                            : api.call(world.bearerOf(caller), route.method(), world.path(route.path()) + sample.query(),
                                    sample.body().apply(world));
                    assertEquals(expected(route.access(), caller, sample.success()), response.statusCode(),
                            key + " as " + caller + ": " + response.body());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everySampleNamesARealRoute() {
        List<String> routes = api.server.routes().stream().map(r -> r.method() + " " + r.path()).toList();
        return SAMPLES.keySet().stream().map(key -> DynamicTest.dynamicTest(key,
                () -> assertTrue(routes.contains(key), key + " is not a registered route")));
    }

    /** The status the declared access implies for this caller. */
    static int expected(Access access, Caller caller, int success) {
        if (access == Access.ANYONE) {
            return success;
        }
        if (caller == Caller.NO_TOKEN) {
            return 401;
        }
        if (access == Access.SIGNED_IN) {
            return success;
        }
        return switch (caller) {
            case NON_MEMBER, REMOVED_MEMBER -> 404;
            case VIEWER -> access == Access.MEMBER ? success : 403;
            case EDITOR -> access == Access.OWNER ? 403 : success;
            case OWNER -> success;
            case NO_TOKEN -> throw new IllegalStateException();
        };
    }

    private static Map.Entry<String, Sample> sample(String route, int success, Function<World, String> body) {
        return sample(route, success, body, "");
    }

    private static Map.Entry<String, Sample> sample(String route, int success, Function<World, String> body,
                                                    String query) {
        return Map.entry(route, new Sample(success, body, query, false));
    }

    private static Multipart receiptFile() {
        return new Multipart().file("bouquet.png", "image/png", SampleFiles.png());
    }

    private static World freshWorld() {
        String owner = api.signIn(ApiServer.uniqueEmail("owner"));
        String outsider = api.signIn(ApiServer.uniqueEmail("outsider"));
        String event = api.createEvent(owner, "Jane and Tom's wedding");
        String editor = api.join(owner, event, ApiServer.uniqueEmail("editor"), "editor");
        String viewer = api.join(owner, event, ApiServer.uniqueEmail("viewer"), "viewer");
        String targetBearer = api.join(owner, event, ApiServer.uniqueEmail("target"), "viewer");
        String removed = api.join(owner, event, ApiServer.uniqueEmail("removed"), "editor");
        api.expect(204, api.call(owner, "DELETE", "/api/v1/events/" + event + "/members/" + api.userId(removed), null));
        String invite = api.expect(201, api.call(owner, "POST", "/api/v1/events/" + event + "/invites",
                "{\"email\": \"" + ApiServer.uniqueEmail("pending") + "\"}")).path("id").asText();
        String planning = "/api/v1/events/" + event;
        String household = created(owner, planning + "/households", "{\"name\": \"The Empties\"}");
        String guestHousehold = created(owner, planning + "/households", "{\"name\": \"The Guests\"}");
        String guest = created(owner, planning + "/guests",
                "{\"household_id\": \"" + guestHousehold + "\", \"name\": \"Bo\"}");
        String task = created(owner, planning + "/tasks", "{\"title\": \"Book the florist\"}");
        String item = created(owner, planning + "/budget-items", "{\"category\": \"Flowers\", \"title\": \"Bouquets\"}");
        String receipt = api.expect(201, api.upload(owner, planning + "/budget-items/" + item + "/receipts", receiptFile()))
                .path("receipts").path(0).path("id").asText();
        return new World(event, owner, editor, viewer, removed, outsider, api.userId(targetBearer), invite, household,
                guestHousehold, guest, task, item, receipt);
    }

    private static String created(String bearer, String path, String json) {
        return api.expect(201, api.call(bearer, "POST", path, json)).path("id").asText();
    }

    /** Invites a fresh address to the world's event and returns that address. */
    private static String freshInvite(World world) {
        String email = ApiServer.uniqueEmail("invitee");
        api.expect(201, api.call(world.owner(), "POST", "/api/v1/events/" + world.event() + "/invites",
                "{\"email\": \"" + email + "\"}"));
        return email;
    }

    private static String freshSignInToken() {
        String email = ApiServer.uniqueEmail("verifier");
        api.expect(202, api.client.postJson("/api/v1/auth/magic-link", "{\"email\": \"" + email + "\"}"));
        return api.mailer.lastTokenFor(email).reveal();
    }
}
