package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxEntry;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.OutboxState;
import eu.heapzilla.eventa.ports.out.PushMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} of a real server over a real database, read after real requests and
 * WebSocket traffic: the counters move by exactly what was done, under route templates only.
 * Each test leaves no live connection open, so the live gauges start at 0 in the next.
 */
class MetricsApiTest {

    private static final String REQUESTS = "eventa_http_requests_seconds_count";
    private static final String FAN_OUTS = "eventa_live_fanout_latency_seconds_count";
    private static final String CONNECTIONS = "eventa_live_connections";
    private static final String SUBSCRIPTIONS = "eventa_live_subscriptions";

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static PrometheusMetrics metrics;
    private static ApiServer api;

    @BeforeAll
    static void start() {
        metrics = new PrometheusMetrics();
        database.persistence().recordPoolMetrics(metrics.registry());
        api = new ApiServer(database.persistence(), metrics, Optional.empty());
    }

    @AfterAll
    static void stop() {
        api.close();
        metrics.close();
    }

    private static double requests(MetricsText scrape, String method, String route, int status) {
        return scrape.value(REQUESTS, "method", method, "route", route, "status", Integer.toString(status));
    }

    private static double allRequests(MetricsText scrape, String method, String route) {
        return scrape.samples.stream()
                .filter(s -> s.name().equals(REQUESTS) && method.equals(s.labels().get("method")) && route.equals(s.labels().get("route")))
                .mapToDouble(MetricsText.Sample::value).sum();
    }

    private static MetricsText awaitLive(int connections, int subscriptions) {
        return MetricsText.await(api.client,
                scrape -> scrape.value(CONNECTIONS) == connections && scrape.value(SUBSCRIPTIONS) == subscriptions ? 1 : 0,
                matched -> matched == 1, () -> connections + " connection(s) with " + subscriptions + " subscription(s)");
    }

    @Test
    void aScriptedSessionMovesTheCountersOfWhatItDidAndNothingElse() {
        MetricsText before = MetricsText.scrape(api.client);
        assertEquals(0, before.value(CONNECTIONS));

        String alex = api.signIn(ApiServer.uniqueEmail("alex"));
        String event = api.createEvent(alex, "Wedding");
        String task = LiveApiTest.task(api, alex, event);
        try (LiveClient phone = api.live(alex)) {
            phone.subscribe(event, null);
            awaitLive(1, 1);

            LiveApiTest.rename(api, alex, event, task, 1, "Book the florist by May", null);
            assertEquals(task, phone.next("change").path("entity_id").asText());
            MetricsText.await(api.client, scrape -> scrape.value(FAN_OUTS) - before.value(FAN_OUTS), delta -> delta == 1,
                    () -> "one change fanned out to one connection");
        }
        awaitLive(0, 0);

        MetricsText after = MetricsText.await(api.client,
                scrape -> allRequests(scrape, "PATCH", TaskRoutes.TASK) - allRequests(before, "PATCH", TaskRoutes.TASK),
                delta -> delta == 1, () -> "the PATCH was counted");
        List<Object[]> expected = List.of(
                new Object[] {"POST", "/api/v1/auth/magic-link", 202},
                new Object[] {"POST", "/api/v1/auth/verify", 200},
                new Object[] {"POST", EventRoutes.EVENTS, 201},
                new Object[] {"POST", TaskRoutes.TASKS, 201},
                new Object[] {"PATCH", TaskRoutes.TASK, 200});
        for (Object[] call : expected) {
            String method = (String) call[0];
            String route = (String) call[1];
            int status = (Integer) call[2];
            assertEquals(1, requests(after, method, route, status) - requests(before, method, route, status),
                    method + " " + route + " " + status);
            assertEquals(1, allRequests(after, method, route) - allRequests(before, method, route),
                    method + " " + route + " under no other status");
        }
        assertTrue(after.has("eventa_http_requests_seconds_bucket"), "a histogram, with buckets");
        assertTrue(after.value("eventa_http_requests_seconds_sum", "method", "PATCH", "route", TaskRoutes.TASK, "status", "200") > 0);
        assertEquals(1, after.value(FAN_OUTS) - before.value(FAN_OUTS), "no fan-out besides the one change");
        assertTrue(after.has("eventa_live_fanout_latency_seconds_bucket"));
        assertTrue(after.value("eventa_live_fanout_latency_seconds_sum") >= before.value("eventa_live_fanout_latency_seconds_sum"));
    }

    @Test
    void theJvmAndTheDatabasePoolAreThere() {
        String alex = api.signIn(ApiServer.uniqueEmail("alex"));
        api.createEvent(alex, "Reunion");

        MetricsText scrape = MetricsText.scrape(api.client);

        for (String jvm : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_uptime_seconds", "system_cpu_count", "jvm_gc_memory_allocated_bytes_total")) {
            assertTrue(scrape.has(jvm), jvm + " in\n" + scrape.text);
        }
        assertTrue(scrape.value("jvm_threads_live_threads") > 0);
        assertTrue(scrape.value("process_uptime_seconds") > 0);
        assertEquals(database.settings().poolSize(), scrape.value("hikaricp_connections_max", "pool", "eventa"));
        assertTrue(scrape.has("hikaricp_connections_active"), scrape.text);
        assertTrue(scrape.value("hikaricp_connections_acquire_seconds_count", "pool", "eventa") > 0,
                "the requests borrowed connections");
    }

    @Test
    void subscriptionsAreCountedThroughSubscribeAgainUnsubscribeRevocationSignOutAndClose() {
        String alex = api.signIn(ApiServer.uniqueEmail("alex"));
        String wedding = api.createEvent(alex, "Wedding");
        String party = api.createEvent(alex, "Party");
        String beaEmail = ApiServer.uniqueEmail("bea");
        String bea = api.join(alex, wedding, beaEmail, "editor");
        String beasOwn = api.createEvent(bea, "Bea's birthday");
        try (LiveClient alexPhone = api.live(alex); LiveClient beaPhone = api.live(bea)) {
            awaitLive(2, 0);
            alexPhone.subscribe(wedding, null);
            alexPhone.subscribe(party, null);
            awaitLive(2, 2);
            alexPhone.subscribe(wedding, null);
            awaitLive(2, 2);
            alexPhone.send("{\"type\":\"unsubscribe\",\"event_id\":\"" + party + "\"}");
            alexPhone.next("unsubscribed");
            awaitLive(2, 1);

            beaPhone.subscribe(wedding, null);
            beaPhone.subscribe(beasOwn, null);
            awaitLive(2, 3);
            api.expect(204, api.call(alex, "DELETE", "/api/v1/events/" + wedding + "/members/" + api.userId(bea), null));
            beaPhone.next("revoked");
            awaitLive(2, 2);

            api.expect(204, api.call(bea, "POST", "/api/v1/auth/logout", null));
            assertEquals(LiveSocket.AUTH_CLOSE, beaPhone.closeCode());
            awaitLive(1, 1);
        }
        awaitLive(0, 0);
    }

    @Test
    void aReplayIsNotFanOutButWhatFollowsIs() {
        String alex = api.signIn(ApiServer.uniqueEmail("alex"));
        String event = api.createEvent(alex, "Wedding");
        String task = LiveApiTest.task(api, alex, event);
        LiveApiTest.rename(api, alex, event, task, 1, "Book the florist by May", null);
        MetricsText before = MetricsText.scrape(api.client);
        try (LiveClient phone = api.live(alex)) {
            phone.subscribe(event, 0L);
            assertTrue(phone.replayed.size() >= 3, "the event, its task and the rename came as a replay");
            assertEquals(before.value(FAN_OUTS), MetricsText.scrape(api.client).value(FAN_OUTS), "a replay is not timed");

            LiveApiTest.rename(api, alex, event, task, 2, "Book the florist by June", null);
            phone.next("change");
            MetricsText.await(api.client, scrape -> scrape.value(FAN_OUTS) - before.value(FAN_OUTS), delta -> delta == 1,
                    () -> "the live change is timed");
        }
        awaitLive(0, 0);
    }

    @Test
    void noIdNorTokenFromAPathBecomesALabel() {
        String alex = api.signIn(ApiServer.uniqueEmail("alex"));
        String event = api.createEvent(alex, "Wedding");
        String stranger = UUID.randomUUID().toString();
        String inviteToken = "iNv1te_T0ken_" + "x".repeat(30);
        String unknownToken = "uNkn0wn_T0ken_" + "y".repeat(30);
        MetricsText before = MetricsText.scrape(api.client);

        api.expect(200, api.get(alex, "/api/v1/events/" + event));
        api.expect(404, api.get(alex, "/api/v1/events/" + stranger));
        int accepted = api.call(null, "POST", "/api/v1/invites/" + inviteToken + "/accept", null).statusCode();
        api.expect(404, api.get(alex, "/api/v1/nothing/" + unknownToken + "/" + stranger));
        api.call(null, "POST", "/api/v1/auth/verify", "{\"token\": \"" + unknownToken + "\"}");

        MetricsText after = MetricsText.await(api.client,
                scrape -> requests(scrape, "GET", RequestMetrics.UNMATCHED, 404) - requests(before, "GET", RequestMetrics.UNMATCHED, 404),
                delta -> delta == 1, () -> "the unmatched path is counted as such");
        for (String secret : List.of(event, stranger, inviteToken, unknownToken, alex)) {
            assertFalse(after.text.contains(secret), secret + " is in the metrics");
        }
        assertEquals(1, requests(after, "GET", EventRoutes.EVENT, 200) - requests(before, "GET", EventRoutes.EVENT, 200));
        assertEquals(1, requests(after, "GET", EventRoutes.EVENT, 404) - requests(before, "GET", EventRoutes.EVENT, 404));
        assertEquals(1, requests(after, "POST", InviteRoutes.ACCEPT, accepted) - requests(before, "POST", InviteRoutes.ACCEPT, accepted));
        assertTrue(after.samples.stream().filter(s -> s.name().equals(REQUESTS))
                        .allMatch(s -> s.labels().get("route").equals(RequestMetrics.UNMATCHED) || s.labels().get("route").startsWith("/")),
                "every route is a template or 'unmatched'");
    }

    @Test
    void theOutboxGaugesShowPendingRetryingAndDeadItemsAndTheOldestWait() {
        database.truncate("outbox");
        Outbox outbox = database.persistence().outbox();
        Instant now = Instant.now();
        database.persistence().transactions().run(() -> {
            outbox.add(push(), now.minusSeconds(120));
            long retried = outbox.add(push(), now.minusSeconds(60));
            long dead = outbox.add(push(), now.minusSeconds(30));
            for (OutboxEntry entry : outbox.claim(3, now, Duration.ofMinutes(1))) {
                if (entry.id() == retried) {
                    outbox.retry(entry, now.plus(Duration.ofHours(1)), "503 from the push service");
                } else if (entry.id() == dead) {
                    outbox.finish(entry, OutboxState.DEAD, now, Optional.of("refused"));
                }
            }
        });
        try (PrometheusMetrics own = new PrometheusMetrics();
             ApiServer server = new ApiServer(database.persistence(), own, Optional.empty())) {
            own.bindOutbox(server.useCases.deliverOutbox());

            MetricsText scrape = MetricsText.scrape(server.client);

            assertEquals(2, scrape.value("eventa_outbox_pending"));
            assertEquals(1, scrape.value("eventa_outbox_retrying"));
            assertEquals(1, scrape.value("eventa_outbox_dead"));
            double oldest = scrape.value("eventa_outbox_oldest_pending_age_seconds");
            assertTrue(oldest >= 120 && oldest < 180, "waited since two minutes ago: " + oldest);
        }
    }

    @Test
    void anOutboxThatCannotBeReadLeavesTheMetricsUpWithNaN() {
        PostgresPersistence gone = new PostgresPersistence(database.settings());
        try (PrometheusMetrics own = new PrometheusMetrics();
             ApiServer server = new ApiServer(database.persistence(), own, Optional.empty())) {
            own.bindOutbox(TestPorts.useCases(gone, Clock.system(), new CapturingMailer()).deliverOutbox());
            gone.close();

            MetricsText scrape = MetricsText.scrape(server.client);

            assertTrue(Double.isNaN(scrape.value("eventa_outbox_pending")), scrape.text);
            assertTrue(Double.isNaN(scrape.value("eventa_outbox_oldest_pending_age_seconds")));
            assertTrue(scrape.has("jvm_memory_used_bytes"), "everything else is there");
        }
    }

    private static OutboxItem push() {
        return new OutboxItem.Push(UserId.random(), new PushMessage(new PushToken("fcm:" + UUID.randomUUID()), Platform.ANDROID,
                "change", EventId.random(), EntityType.GUEST, UUID.randomUUID().toString(), 1));
    }
}
