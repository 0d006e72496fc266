package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The live endpoint over real WebSockets and a real database: delivery, catch-up, presence, revocation, bad input. */
class LiveApiTest {

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

    /** A task to edit; returns its id. */
    static String task(ApiServer api, String bearer, String event) {
        return api.expect(201, api.call(bearer, "POST", "/api/v1/events/" + event + "/tasks", "{\"title\": \"Book the florist\"}"))
                .path("id").asText();
    }

    /** PATCHes the task's title at {@code version}, naming {@code connection} as the origin when not null; returns the new version. */
    static long rename(ApiServer api, String bearer, String event, String task, long version, String title, String connection) {
        HttpRequest.Builder request = api.client.request("/api/v1/events/" + event + "/tasks/" + task)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"version\": " + version + ", \"title\": \"" + title + "\"}"));
        if (connection != null) {
            request.header(WriteOrigins.HEADER, connection);
        }
        HttpResponse<String> response = api.client.send(request);
        return api.expect(200, response).path("version").asLong();
    }

    @Test
    void aWriteReachesEveryOtherConnectionButNotTheOneThatMadeIt() {
        String event = api.createEvent(alex, "Wedding");
        String bea = api.join(alex, event, ApiServer.uniqueEmail("bea"), "editor");
        String task = task(api, alex, event);
        try (LiveClient alexPhone = api.live(alex); LiveClient alexLaptop = api.live(alex); LiveClient beaPhone = api.live(bea)) {
            long cursor = alexPhone.subscribe(event, null);
            assertEquals(cursor, alexLaptop.subscribe(event, null));
            assertEquals(cursor, beaPhone.subscribe(event, null));

            long version = rename(api, alex, event, task, 1, "Book the florist by May", alexPhone.connectionId);
            JsonNode seen = beaPhone.next("change");
            assertEquals(cursor + 1, seen.path("seq").asLong());
            assertEquals("task", seen.path("entity_type").asText());
            assertEquals(task, seen.path("entity_id").asText());
            assertEquals("updated", seen.path("op").asText());
            assertEquals(version, seen.path("version").asLong());
            assertEquals(api.userId(alex), seen.path("actor_id").asText());
            assertEquals(event, seen.path("event_id").asText());
            assertTrue(seen.path("at").isTextual());
            assertEquals(cursor + 1, alexLaptop.next("change").path("seq").asLong(), "the author's other device hears of it");

            rename(api, alex, event, task, version, "Book the florist by June", null);
            assertEquals(cursor + 2, alexPhone.next("change").path("seq").asLong(),
                    "the phone that made the first write heard only the second, which did not come through it");
            assertEquals(cursor + 2, beaPhone.next("change").path("seq").asLong());
        }
    }

    @Test
    void aConnectionNamedByAnotherUserStillHearsTheirWrite() {
        String event = api.createEvent(alex, "Reunion");
        String bea = api.join(alex, event, ApiServer.uniqueEmail("bea"), "editor");
        String task = task(api, alex, event);
        try (LiveClient alexPhone = api.live(alex)) {
            long cursor = alexPhone.subscribe(event, null);
            rename(api, bea, event, task, 1, "Borrowed origin", alexPhone.connectionId);
            assertEquals(cursor + 1, alexPhone.next("change").path("seq").asLong(),
                    "naming someone else's connection silences nothing");
        }
    }

    @Test
    void aDeviceThatWasAwayCatchesUpExactlyThenFollowsLive() {
        String event = api.createEvent(alex, "Birthday");
        String task = task(api, alex, event);
        long cursor;
        try (LiveClient phone = api.live(alex)) {
            cursor = phone.subscribe(event, 0L);
            assertEquals(cursor, phone.replayed.size(), "a subscription from 0 replays the whole log before it says subscribed");
        }
        long version = 1;
        for (int i = 0; i < 500; i++) {
            version = rename(api, alex, event, task, version, "Title " + i, null);
        }
        try (LiveClient phone = api.live(alex)) {
            phone.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\",\"since\":" + cursor + "}");
            List<JsonNode> missed = phone.changes(500);
            for (int i = 0; i < 500; i++) {
                assertEquals(cursor + 1 + i, missed.get(i).path("seq").asLong());
                assertEquals(2 + i, missed.get(i).path("version").asLong());
            }
            assertEquals(cursor + 500, phone.next("subscribed").path("cursor").asLong());
            rename(api, alex, event, task, version, "Live again", null);
            assertEquals(cursor + 501, phone.next("change").path("seq").asLong());
        }
    }

    @Test
    void resubscribingWhileWritesFlowLosesAndRepeatsNothing() throws Exception {
        String event = api.createEvent(alex, "Anniversary");
        String task = task(api, alex, event);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Long> lastVersion = new AtomicReference<>(1L);
        Thread writer = new Thread(() -> {
            long version = 1;
            while (writing.get()) {
                version = rename(api, alex, event, task, version, "Flowing " + version, null);
            }
            lastVersion.set(version);
        });
        LiveClient phone = api.live(alex);
        try {
            long cursor = phone.subscribe(event, null);
            writer.start();
            for (int round = 0; round < 5; round++) {
                Thread.sleep(150);
                cursor = lastSeq(phone.drain(), cursor);
                // The device drops off and comes back while the writer keeps going.
                phone.close();
                phone = api.live(alex);
                phone.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\",\"since\":" + cursor + "}");
                cursor = checkContiguous(phone, cursor);
            }
            writing.set(false);
            writer.join(10_000);
            // Seq 1 created the event, 2 its owner, 3 the task; every rename since added one.
            long expectedLastSeq = 3 + (lastVersion.get() - 1);
            assertTrue(expectedLastSeq > 20, "the writer kept writing: " + expectedLastSeq);
            while (cursor < expectedLastSeq) {
                JsonNode change = phone.next("change");
                assertEquals(cursor + 1, change.path("seq").asLong(), "no gap and no duplicate after the last resubscribe");
                cursor = change.path("seq").asLong();
            }
            phone.send("{\"type\":\"ping\"}");
            assertEquals("pong", phone.next().path("type").asText(), "nothing beyond the last write");
        } finally {
            writing.set(false);
            phone.close();
        }
    }

    private static long lastSeq(List<JsonNode> frames, long cursor) {
        long last = cursor;
        for (JsonNode frame : frames) {
            if (frame.path("type").asText().equals("change")) {
                assertEquals(last + 1, frame.path("seq").asLong(), "contiguous before the resubscribe");
                last = frame.path("seq").asLong();
            }
        }
        return last;
    }

    /** Reads the replay after {@code since} up to {@code subscribed}: every seq once, in order. @return the cursor */
    private static long checkContiguous(LiveClient phone, long since) {
        long expected = since + 1;
        while (true) {
            JsonNode frame = phone.next();
            String type = frame.path("type").asText();
            if (type.equals("subscribed")) {
                assertEquals(expected - 1, frame.path("cursor").asLong());
                return expected - 1;
            }
            assertEquals("change", type, frame.toString());
            assertEquals(expected, frame.path("seq").asLong(), "replay without gap or duplicate");
            expected++;
        }
    }

    @Test
    void presenceComesAndGoesAndTheSnapshotShowsIt() {
        String event = api.createEvent(alex, "Garden party");
        String bea = api.join(alex, event, ApiServer.uniqueEmail("bea"), "editor");
        String beaId = api.userId(bea);
        try (LiveClient alexPhone = api.live(alex)) {
            alexPhone.subscribe(event, null);
            JsonNode before = api.expect(200, api.get(alex, "/api/v1/events/" + event + "/presence"));
            assertEquals(2, before.path("presence").size());
            try (LiveClient beaPhone = api.live(bea)) {
                beaPhone.subscribe(event, null);
                JsonNode online = alexPhone.next("presence");
                assertEquals(beaId, online.path("user_id").asText());
                assertTrue(online.path("online").asBoolean());
                JsonNode snapshot = presenceOf(api, alex, event, beaId);
                assertTrue(snapshot.path("online").asBoolean());
                assertTrue(snapshot.path("last_seen_at").isNull());
                try (LiveClient beaLaptop = api.live(bea)) {
                    beaLaptop.subscribe(event, null);
                }
                // Her second device came and went; she stayed online throughout, so nobody heard of it.
            }
            JsonNode offline = alexPhone.next("presence");
            assertEquals(beaId, offline.path("user_id").asText());
            assertFalse(offline.path("online").asBoolean());
            JsonNode snapshot = presenceOf(api, alex, event, beaId);
            assertFalse(snapshot.path("online").asBoolean());
            assertTrue(snapshot.path("last_seen_at").isTextual());
        }
    }

    static JsonNode presenceOf(ApiServer api, String bearer, String event, String user) {
        for (JsonNode member : api.expect(200, api.get(bearer, "/api/v1/events/" + event + "/presence")).path("presence")) {
            if (member.path("user_id").asText().equals(user)) {
                return member;
            }
        }
        throw new AssertionError(user + " is not in the presence list");
    }

    @Test
    void removalFromTheEventRevokesAtOnce() {
        String event = api.createEvent(alex, "Wedding");
        String bea = api.join(alex, event, ApiServer.uniqueEmail("bea"), "editor");
        String task = task(api, alex, event);
        try (LiveClient beaPhone = api.live(bea)) {
            beaPhone.subscribe(event, null);
            api.expect(204, api.call(alex, "DELETE", "/api/v1/events/" + event + "/members/" + api.userId(bea), null));
            JsonNode revoked = beaPhone.next("revoked");
            assertEquals(event, revoked.path("event_id").asText());
            rename(api, alex, event, task, 1, "After she left", null);
            beaPhone.send("{\"type\":\"ping\"}");
            assertEquals("pong", beaPhone.next().path("type").asText(), "nothing of the event reaches her after revoked");
            beaPhone.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\"}");
            assertEquals("not_found", beaPhone.next("error").path("error_code").asText());
        }
    }

    @Test
    void deletingTheEventRevokesEveryone() {
        String event = api.createEvent(alex, "Cancelled");
        try (LiveClient phone = api.live(alex)) {
            phone.subscribe(event, null);
            api.expect(204, api.call(alex, "DELETE", "/api/v1/events/" + event, null));
            assertEquals(event, phone.next("revoked").path("event_id").asText());
        }
    }

    @Test
    void signingOutClosesTheConnection() {
        String bearer = api.signIn(ApiServer.uniqueEmail("carla"));
        try (LiveClient phone = api.live(bearer)) {
            api.expect(204, api.call(bearer, "POST", "/api/v1/auth/logout", null));
            assertEquals("auth_error", phone.next("error").path("error_code").asText());
            assertEquals(LiveSocket.AUTH_CLOSE, phone.closeCode());
        }
    }

    @Test
    void aMissingOrUnknownBearerIsRefusedWithAnAuthClose() {
        for (String authorization : new String[] {null, "Bearer not-a-real-token", "Basic abc"}) {
            try (LiveClient stranger = LiveClient.open(api.server.port(), authorization, "")) {
                assertEquals("auth_error", stranger.next("error").path("error_code").asText());
                assertEquals(LiveSocket.AUTH_CLOSE, stranger.closeCode());
            }
        }
    }

    @Test
    void theBearerMayComeInTheQueryAndNeverReachesTheLog() {
        String bearer = api.signIn(ApiServer.uniqueEmail("dora"));
        String event = api.createEvent(bearer, "Picnic");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try (LiveClient phone = LiveClient.open(api.server.port(), null, "?bearer=" + bearer)) {
            assertTrue(phone.connectionId != null, "the query bearer opened the connection");
            phone.subscribe(event, null);
            phone.send("{\"type\":\"nonsense\"}");
            phone.next("error");
        } finally {
            root.detachAppender(captured);
        }
        List<String> lines = new ArrayList<>();
        captured.list.forEach(e -> lines.add(e.getFormattedMessage() + " " + e.getKeyValuePairs() + " " + e.getMDCPropertyMap()));
        lines.forEach(line -> assertFalse(line.contains(bearer), line));
    }

    @Test
    void badFramesGetErrorsAndTheConnectionSurvives() {
        String event = api.createEvent(alex, "Errors");
        String strangers = api.createEvent(api.signIn(ApiServer.uniqueEmail("eve")), "Not yours");
        try (LiveClient phone = api.live(alex)) {
            phone.send("this is not json");
            assertEquals("validation_error", phone.next("error").path("error_code").asText());
            phone.send("[1, 2]");
            assertEquals("validation_error", phone.next("error").path("error_code").asText());
            phone.send("{\"type\": 7}");
            assertEquals("type", phone.next("error").path("info").path("field").asText());
            phone.send("{\"type\":\"dance\"}");
            assertEquals("unknown_type", phone.next("error").path("error_code").asText());
            phone.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\",\"colour\":\"red\"}");
            assertEquals("colour", phone.next("error").path("info").path("field").asText());
            phone.send("{\"type\":\"subscribe\",\"event_id\":\"nope\"}");
            assertEquals("event_id", phone.next("error").path("info").path("field").asText());
            phone.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\",\"since\":-1}");
            assertEquals("since", phone.next("error").path("info").path("field").asText());
            phone.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\",\"since\":1.5}");
            assertEquals("since", phone.next("error").path("info").path("field").asText());
            phone.send("{\"type\":\"subscribe\",\"event_id\":\"" + event + "\",\"since\":99999}");
            JsonNode ahead = phone.next("error");
            assertEquals("since", ahead.path("info").path("field").asText());
            assertEquals(event, ahead.path("event_id").asText());
            phone.send("{\"type\":\"subscribe\",\"event_id\":\"" + strangers + "\"}");
            JsonNode foreign = phone.next("error");
            assertEquals("not_found", foreign.path("error_code").asText());
            assertEquals(strangers, foreign.path("event_id").asText());
            phone.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
            assertEquals("too_large", phone.next("error").path("error_code").asText());

            phone.send("{\"type\":\"ping\"}");
            assertEquals("pong", phone.next().path("type").asText(), "still connected after all that");
            assertTrue(phone.subscribe(event, 0L) >= 2, "and still able to subscribe");
            phone.send("{\"type\":\"unsubscribe\",\"event_id\":\"" + event + "\"}");
            assertEquals(event, phone.next("unsubscribed").path("event_id").asText());
        }
    }

    @Test
    void aPlainGetIsToldToUpgrade() {
        HttpResponse<String> response = api.get(alex, LiveEndpoint.PATH);
        assertEquals(426, response.statusCode());
        assertEquals("upgrade_required", TestClient.json(response).path("error_code").asText());
    }

    @Test
    void aWriteNamingAMalformedConnectionIsRefusedAndChangesNothing() {
        String event = api.createEvent(alex, "Header");
        String task = task(api, alex, event);
        HttpResponse<String> response = api.client.send(api.client.request("/api/v1/events/" + event + "/tasks/" + task)
                .header("Authorization", "Bearer " + alex).header("Content-Type", "application/json")
                .header(WriteOrigins.HEADER, "not-a-connection")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"version\": 1, \"title\": \"x\"}")));
        assertEquals(400, response.statusCode());
        assertEquals(WriteOrigins.HEADER, TestClient.json(response).path("info").path("field").asText());
        assertEquals(1, api.expect(200, api.get(alex, "/api/v1/events/" + event + "/tasks/" + task)).path("version").asLong());
    }
}
