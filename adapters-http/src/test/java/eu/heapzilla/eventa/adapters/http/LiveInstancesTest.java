package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.ports.in.ExpireLostConnections;
import eu.heapzilla.eventa.ports.out.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on one database, each with its own connection pool and its own
 * LISTEN connection, as two processes would have: changes, presence and revocations made on
 * one reach live connections on the other, and a crashed instance's members go offline.
 */
class LiveInstancesTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static PostgresPersistence secondPool;
    private static ApiServer first;
    private static ApiServer second;
    private static String alex;

    @BeforeAll
    static void start() {
        secondPool = database.another();
        first = new ApiServer(database.persistence());
        second = new ApiServer(secondPool);
        alex = first.signIn(ApiServer.uniqueEmail("alex"));
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void aWriteThroughOneInstanceReachesASubscriberOnTheOther() {
        String event = first.createEvent(alex, "Wedding");
        String task = LiveApiTest.task(first, alex, event);
        try (LiveClient onSecond = second.live(alex); LiveClient onFirst = first.live(alex)) {
            long cursor = onSecond.subscribe(event, null);
            assertEquals(cursor, onFirst.subscribe(event, null));
            long version = 1;
            for (int i = 0; i < 20; i++) {
                version = LiveApiTest.rename(first, alex, event, task, version, "Through the first " + i, null);
                assertEquals(cursor + 1 + i, onSecond.next("change").path("seq").asLong());
                assertEquals(cursor + 1 + i, onFirst.next("change").path("seq").asLong());
            }
            LiveApiTest.rename(second, alex, event, task, version, "Through the second", onSecond.connectionId);
            assertEquals(cursor + 21, onFirst.next("change").path("seq").asLong());
            onSecond.send("{\"type\":\"ping\"}");
            assertEquals("pong", onSecond.next().path("type").asText(), "its own write did not come back to it");
        }
    }

    @Test
    void presenceAndRevocationCrossInstances() {
        String event = first.createEvent(alex, "Reunion");
        String bea = first.join(alex, event, ApiServer.uniqueEmail("bea"), "editor");
        String beaId = first.userId(bea);
        try (LiveClient alexOnFirst = first.live(alex); LiveClient beaOnSecond = second.live(bea)) {
            alexOnFirst.subscribe(event, null);
            beaOnSecond.subscribe(event, null);
            JsonNode online = alexOnFirst.next("presence");
            assertEquals(beaId, online.path("user_id").asText());
            assertTrue(online.path("online").asBoolean());
            assertTrue(LiveApiTest.presenceOf(first, alex, event, beaId).path("online").asBoolean());

            first.expect(204, first.call(alex, "DELETE", "/api/v1/events/" + event + "/members/" + beaId, null));
            assertEquals(event, beaOnSecond.next("revoked").path("event_id").asText());

            first.expect(204, first.call(bea, "POST", "/api/v1/auth/logout", null));
            assertEquals("auth_error", beaOnSecond.next("error").path("error_code").asText());
            assertEquals(LiveSocket.AUTH_CLOSE, beaOnSecond.closeCode());
        }
    }

    @Test
    void theMembersOfACrashedInstanceGoOfflineWhenItStopsAnswering() {
        String event = first.createEvent(alex, "Birthday");
        String bea = first.join(alex, event, ApiServer.uniqueEmail("bea"), "editor");
        String beaId = first.userId(bea);
        try (LiveClient alexOnFirst = first.live(alex); LiveClient beaOnSecond = second.live(bea)) {
            alexOnFirst.subscribe(event, null);
            beaOnSecond.subscribe(event, null);
            assertTrue(alexOnFirst.next("presence").path("online").asBoolean());

            // A third instance whose clock runs past the timeout sees the second as silent, as if it had crashed.
            Instant later = Instant.now().plus(ExpireLostConnections.TIMEOUT).plusSeconds(5);
            ExpireLostConnections sweeper = TestPorts.useCases(database.persistence(), () -> later, new CapturingMailer())
                    .expireLostConnections();
            assertTrue(sweeper.sweep() >= 1);
            // Every instance looks silent to that clock, so Alex's own instance is expired too; find Bea's news.
            JsonNode offline = alexOnFirst.next("presence");
            if (!offline.path("user_id").asText().equals(beaId)) {
                offline = alexOnFirst.next("presence");
            }
            assertEquals(beaId, offline.path("user_id").asText());
            assertFalse(offline.path("online").asBoolean());
            assertFalse(LiveApiTest.presenceOf(first, alex, event, beaId).path("online").asBoolean());
        }
    }
}
