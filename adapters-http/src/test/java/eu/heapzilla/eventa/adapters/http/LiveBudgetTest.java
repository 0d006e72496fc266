package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live connections a user and an address may hold, and upgrades counted as requests of the
 * bearer: over real WebSockets, with the close code and error frame a client sees.
 */
class LiveBudgetTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private static void closeAll(List<LiveClient> clients) {
        clients.forEach(LiveClient::close);
    }

    @Test
    void the21stConnectionOfOneUserClosesTheirOldest() {
        try (ApiServer api = new ApiServer(database.persistence(), LiveSettings.DEFAULT)) {
            String alex = api.signIn(ApiServer.uniqueEmail("alex"));
            List<LiveClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < LiveSettings.DEFAULT_CONNECTIONS_PER_USER; i++) {
                    clients.add(api.live(alex));
                }
                LiveClient newest = api.live(alex);
                clients.add(newest);

                LiveClient oldest = clients.get(0);
                JsonNode error = oldest.next("error");
                assertEquals("too_many_connections", error.path("error_code").asText(), error.toString());
                assertEquals(LiveSettings.DEFAULT_CONNECTIONS_PER_USER, error.path("info").path("limit").asInt());
                assertEquals(LiveSocket.TOO_MANY_CLOSE, oldest.closeCode());

                // The others, the newest among them, are still served.
                for (LiveClient client : List.of(clients.get(1), newest)) {
                    client.send("{\"type\":\"ping\"}");
                    client.next("pong");
                }
            } finally {
                closeAll(clients);
            }
        }
    }

    @Test
    void anAddressWithAsManyConnectionsAsItMayIsRefusedANewOne() {
        try (ApiServer api = new ApiServer(database.persistence(), LiveSettings.DEFAULT.withConnectionLimits(20, 3))) {
            List<LiveClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(api.live(api.signIn(ApiServer.uniqueEmail("member" + i))));
                }
                LiveClient refused = LiveClient.open(api.server.port(), "Bearer " + api.signIn(ApiServer.uniqueEmail("late")), "");
                clients.add(refused);
                assertNull(refused.connectionId, "no hello");
                JsonNode error = refused.next("error");
                assertEquals("too_many_connections", error.path("error_code").asText(), error.toString());
                assertEquals(3, error.path("info").path("limit").asInt());
                assertEquals(LiveSocket.TOO_MANY_CLOSE, refused.closeCode());

                // Those already open keep going, and a place that frees up is taken again.
                clients.get(1).send("{\"type\":\"ping\"}");
                clients.get(1).next("pong");
                clients.remove(0).close();
                clients.add(awaitAdmitted(api));
            } finally {
                closeAll(clients);
            }
        }
    }

    /** A new live client; the server may not have seen the close of the one before yet, so it is tried again. */
    private static LiveClient awaitAdmitted(ApiServer api) {
        String bearer = api.signIn(ApiServer.uniqueEmail("next"));
        for (int attempt = 0; ; attempt++) {
            LiveClient client = LiveClient.open(api.server.port(), "Bearer " + bearer, "");
            if (client.connectionId != null || attempt == 50) {
                assertEquals(client.connectionId != null, true, "admitted once a place was free");
                return client;
            }
            client.close();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void upgradesCountAgainstTheBearersRequestAllowance() {
        ApiLimits fewRequests = new ApiLimits(new RateLimit(3, Duration.ofMinutes(10)), RateLimit.perDay(100));
        try (ApiServer api = new ApiServer(database.persistence(), fewRequests, LiveSettings.DEFAULT)) {
            String alex = api.signIn(ApiServer.uniqueEmail("alex"));
            List<LiveClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(api.live(alex));
                }
                // Three upgrades spent the allowance: the next request is refused, whichever kind it is.
                assertError(api.get(alex, "/api/v1/me"), 429, "rate_limited");
                LiveClient refused = LiveClient.open(api.server.port(), "Bearer " + alex, "");
                clients.add(refused);
                assertNull(refused.connectionId, "no hello");
                JsonNode error = refused.next("error");
                assertEquals("rate_limited", error.path("error_code").asText(), error.toString());
                assertEquals(true, error.path("info").path("retry_after_seconds").asLong() > 0, error.toString());
                assertEquals(LiveSocket.TOO_MANY_CLOSE, refused.closeCode());
            } finally {
                closeAll(clients);
            }
        }
    }
}
