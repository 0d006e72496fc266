package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.contract.PushWindowsContract;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.PushWindows;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract, and one yes of two instances opening the same window at the same moment, both
 * when the pair has no window yet and when its window has just passed.
 */
class PostgresPushWindowsTest extends PushWindowsContract {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private final ExecutorService otherInstance = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopOtherInstance() {
        otherInstance.shutdownNow();
    }

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected Users users() {
        return database.persistence().users();
    }

    @Override
    protected Events events() {
        return database.persistence().events();
    }

    @Override
    protected PushWindows pushWindows() {
        return database.persistence().pushWindows();
    }

    @Test
    void ofTwoInstancesOpeningTheSameWindowAtOnceExactlyOneIsTold() throws Exception {
        PostgresPersistence there = database.another();
        EventId event = storedEventId();
        CyclicBarrier together = new CyclicBarrier(2);

        for (int round = 0; round < 50; round++) {
            UserId ann = storedUser();
            for (Instant now : List.of(T0, T0.plus(WINDOW))) {
                together.reset();
                Future<Boolean> fromThere = otherInstance.submit(() -> {
                    together.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    return there.transactions().inTransaction(() -> there.pushWindows().open(ann, event, now, WINDOW));
                });
                together.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                boolean fromHere = transactions().inTransaction(() -> pushWindows().open(ann, event, now, WINDOW));

                assertEquals(1, (fromHere ? 1 : 0) + (fromThere.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS) ? 1 : 0),
                        "round " + round + " at " + now);
            }
        }
    }

    @Test
    void anInstanceOpeningWhileAnotherHasJustOpenedWaitsForItAndIsRefused() throws Exception {
        PostgresPersistence there = database.another();
        UserId ann = storedUser();
        EventId event = storedEventId();

        for (Instant now : List.of(T0, T0.plus(WINDOW))) {
            Future<Boolean> second = transactions().inTransaction(() -> {
                assertTrue(pushWindows().open(ann, event, now, WINDOW));
                Future<Boolean> other = otherInstance.submit(
                        () -> there.transactions().inTransaction(() -> there.pushWindows().open(ann, event, now, WINDOW)));
                awaitWaitingForALock(other);
                return other;
            });

            assertFalse(second.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "at " + now);
        }
    }

    @Test
    void noWindowOpensAboutAnEventThatIsGone() throws SQLException {
        UserId ann = storedUser();
        EventId event = storedEventId();
        events().remove(event);

        assertFalse(pushWindows().open(ann, event, T0, WINDOW));
        assertFalse(pushWindows().open(ann, EventId.random(), T0, WINDOW));
        assertEquals(0, count("SELECT count(*) FROM push_windows WHERE user_id = ?", ann));
    }

    @Test
    void deletingAnEventDeletesItsWindows() throws SQLException {
        UserId ann = storedUser();
        UserId bob = storedUser();
        EventId event = storedEventId();
        EventId other = storedEventId();
        pushWindows().open(ann, event, T0, WINDOW);
        pushWindows().open(bob, event, T0, WINDOW);
        pushWindows().open(ann, other, T0, WINDOW);

        events().remove(event);

        assertEquals(1, count("SELECT count(*) FROM push_windows WHERE user_id = ?", ann));
        assertEquals(0, count("SELECT count(*) FROM push_windows WHERE user_id = ?", bob));
    }

    private static long count(String sql, UserId user) throws SQLException {
        try (Connection c = database.persistence().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, user.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void awaitWaitingForALock(Future<?> other) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!database.someoneWaitsForALock()) {
            if (other.isDone()) {
                throw new AssertionError("the second opening did not wait for the first");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second opening neither finished nor waited within " + PATIENCE);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
