package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live socket's own bookkeeping, driven through the listener calls the core makes, including
 * the endings hard to stage over a network (a resync after the subscription went live): the
 * subscriptions gauge sums these counts, so none may drift.
 */
class LiveSocketFollowingTest {

    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private final LiveEndpoint endpoint = new LiveEndpoint(TestPorts.inPorts(new InMemoryAdapters().useCases()).followChanges(),
            LiveSettings.DEFAULT, Json.mapper(), metrics.fanOutLatency(), PageSite.NONE, new ApiGuard(ApiLimits.DEFAULT),
            new ClientAddresses(false));
    private final LiveSocket socket = new LiveSocket(endpoint, new LiveMessages(Json.mapper()), 1024 * 1024,
            LiveSettings.DEFAULT.messagesPerConnection());

    @AfterEach
    void stop() {
        endpoint.stop();
        metrics.close();
    }

    @Test
    void anEventIsFollowedFromSubscribedUntilResyncRevocationOrSignOut() {
        EventId wedding = EventId.random();
        EventId party = EventId.random();

        socket.subscribed(wedding, 0);
        socket.subscribed(party, 3);
        assertEquals(2, socket.following());
        socket.subscribed(wedding, 5);
        assertEquals(2, socket.following(), "subscribing again to an event is still one subscription");

        socket.resync(wedding);
        assertEquals(1, socket.following());
        socket.resync(wedding);
        assertEquals(1, socket.following(), "a second ending of the same subscription changes nothing");
        socket.revoked(party);
        assertEquals(0, socket.following());

        socket.subscribed(wedding, 7);
        socket.subscribed(party, 8);
        socket.signedOut();
        assertEquals(0, socket.following(), "signed out: nothing is followed any more");
    }

    @Test
    void aLiveChangeIsTimedFromItsCommitAndAClockAheadCountsAsNoDelay() {
        Timer fanOut = metrics.fanOutLatency();
        EventId event = EventId.random();
        socket.subscribed(event, 0);

        socket.change(change(event, 1, Instant.now().minusMillis(250)));
        assertEquals(1, fanOut.count());
        double afterOne = fanOut.totalTime(TimeUnit.MILLISECONDS);
        assertTrue(afterOne >= 250 && afterOne < 250 + Duration.ofSeconds(10).toMillis(), "timed from its commit: " + afterOne);

        socket.change(change(event, 2, Instant.now().plusSeconds(5)));
        assertEquals(2, fanOut.count());
        assertEquals(afterOne, fanOut.totalTime(TimeUnit.MILLISECONDS), "a writer's clock ahead of ours adds no time");
    }

    private static Change change(EventId event, long seq, Instant at) {
        return new Change(event, seq, EntityType.TASK, UUID.randomUUID().toString(), ChangeOp.UPDATED, seq, UserId.random(), at);
    }
}
