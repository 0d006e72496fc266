package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several people editing one event at once, over real HTTP against a real PostgreSQL. */
class ConcurrentEditsTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static String owner;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        owner = api.signIn(ApiServer.uniqueEmail("alex"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void ofTwoEditsFromTheSameVersionExactlyOneWinsAndTheLoserSeesTheWinnersState() throws Exception {
        String event = api.createEvent(owner, "Reunion");
        String editor = api.join(owner, event, ApiServer.uniqueEmail("gerda"), "editor");
        String[] bearers = {owner, editor};
        String[] userIds = {api.userId(owner), api.userId(editor)};
        int rounds = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            String lastWinnerNotes = null;
            for (int round = 0; round < rounds; round++) {
                long version = api.expect(200, api.get(owner, "/api/v1/events/" + event)).path("version").asLong();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int who = 0; who < 2; who++) {
                    String bearer = bearers[who];
                    String body = "{\"version\": " + version + ", \"notes\": \"" + notes(who, round) + "\"}";
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return api.call(bearer, "PATCH", "/api/v1/events/" + event, body);
                    }));
                }
                HttpResponse<String> first = answers.get(0).get(30, TimeUnit.SECONDS);
                HttpResponse<String> second = answers.get(1).get(30, TimeUnit.SECONDS);
                int winner = first.statusCode() == 200 ? 0 : 1;
                HttpResponse<String> won = winner == 0 ? first : second;
                HttpResponse<String> lost = winner == 0 ? second : first;
                assertEquals(200, won.statusCode(), "round " + round + ": " + won.body());
                JsonNode conflict = ErrorShape.assertError(lost, 409, "version_conflict");
                JsonNode current = conflict.path("info").path("current");
                assertEquals(version + 1, current.path("version").asLong());
                assertEquals(notes(winner, round), current.path("notes").asText());
                assertEquals(userIds[winner], conflict.path("info").path("changed_by").path("id").asText());
                assertEquals(version, conflict.path("info").path("your_version").asLong());
                assertEquals(TestClient.json(won).path("updated_at").asText(), conflict.path("info").path("changed_at").asText());
                lastWinnerNotes = notes(winner, round);
            }
            JsonNode after = api.expect(200, api.get(owner, "/api/v1/events/" + event));
            assertEquals(1 + rounds, after.path("version").asLong(), "every round wrote exactly once");
            assertEquals(lastWinnerNotes, after.path("notes").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReaderFollowingTheChangeFeedSeesEverySeqOnceInOrderWhileEightWritersWrite() throws Exception {
        String event = api.createEvent(owner, "Milestone birthday");
        String coEditor = api.join(owner, event, ApiServer.uniqueEmail("sam"), "editor");
        int writers = 8;
        int writesEach = 125;
        AtomicInteger conflicts = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                long cursor = 0;
                while (true) {
                    boolean finalPass = !writing.get();
                    JsonNode page = api.expect(200, api.get(owner, "/api/v1/events/" + event + "/changes?since=" + cursor + "&limit=50"));
                    for (JsonNode change : page.path("changes")) {
                        seen.add(change.path("seq").asLong());
                    }
                    cursor = page.path("cursor").asLong();
                    if (finalPass && !page.path("has_more").asBoolean()) {
                        return null;
                    }
                }
            });
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String bearer = w % 2 == 0 ? owner : coEditor;
                int writer = w;
                writes.add(pool.submit(() -> {
                    long version = api.expect(200, api.get(bearer, "/api/v1/events/" + event)).path("version").asLong();
                    for (int n = 0; n < writesEach; ) {
                        HttpResponse<String> response = api.call(bearer, "PATCH", "/api/v1/events/" + event,
                                "{\"version\": " + version + ", \"notes\": \"writer " + writer + " write " + n + "\"}");
                        if (response.statusCode() == 200) {
                            version = TestClient.json(response).path("version").asLong();
                            n++;
                        } else {
                            assertEquals(409, response.statusCode(), response.body());
                            conflicts.incrementAndGet();
                            version = TestClient.json(response).path("info").path("current").path("version").asLong();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        JsonNode after = api.expect(200, api.get(owner, "/api/v1/events/" + event));
        assertEquals(1 + writers * writesEach, after.path("version").asLong(), "no update was lost");
        List<Long> seqs = new ArrayList<>(seen);
        // event created, owner joined, invite created, invite accepted, editor joined, then every edit.
        long expectedLast = 5 + (long) writers * writesEach;
        assertEquals(expectedLast, seqs.size(), "every change seen exactly once");
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1, seqs.get(i), "seq " + (i + 1) + " in order, no gap, no duplicate");
        }
        JsonNode all = api.expect(200, api.get(owner, "/api/v1/events/" + event + "/changes?since=5&limit=1000"));
        long updates = 0;
        for (JsonNode change : all.path("changes")) {
            assertEquals("event", change.path("entity_type").asText());
            assertEquals("updated", change.path("op").asText());
            updates++;
        }
        assertEquals(writers * writesEach, updates);
        assertTrue(conflicts.get() > 0, "writers did race each other (" + conflicts.get() + " conflicts)");
    }

    private static String notes(int who, int round) {
        return (who == 0 ? "owner" : "editor") + " in round " + round;
    }
}
