package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.live.InstanceId;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.contract.PresenceBoardContract;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import eu.heapzilla.eventa.ports.out.PresenceBoard.Departure;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract, and exact answers when two server instances change one member's presence at
 * the same moment. Each race is staged: the first change stays uncommitted until the second,
 * on another thread, has either finished or is waiting for a lock, so a board that does not
 * serialise them answers wrongly every time.
 */
class PostgresPresenceBoardTest extends PresenceBoardContract {

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
    protected Memberships memberships() {
        return database.persistence().memberships();
    }

    @Override
    protected PresenceBoard presenceBoard() {
        return database.persistence().presenceBoard();
    }

    @Test
    void ofTwoConnectionsArrivingAtOnceOnlyTheFirstBringsTheMemberOnline() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);
        InstanceId there = instanceAlive(T0);

        List<Object> answers = overlapping(
                () -> presenceBoard().arrive(here, ConnectionId.random(), event, ann, T0),
                () -> presenceBoard().arrive(there, ConnectionId.random(), event, ann, T0));

        assertEquals(List.of(true, false), answers);
    }

    @Test
    void ofTheLastTwoConnectionsDepartingAtOnceOnlyTheSecondTakesTheMemberOffline() {
        EventId event = storedEventId();
        UserId ann = member(event);
        ConnectionId phone = following(instanceAlive(T0), event, ann);
        ConnectionId laptop = following(instanceAlive(T0), event, ann);

        List<Object> answers = overlapping(
                () -> presenceBoard().depart(phone, event, T0.plusSeconds(1)),
                () -> presenceBoard().depart(laptop, event, T0.plusSeconds(2)));

        assertEquals(List.of(false, true), answers);
        assertEquals(List.of(MemberPresence.offline(ann, Optional.of(T0.plusSeconds(2)))), presenceIn(event));
    }

    @Test
    void aMemberWhoArrivesWhileTheirLastConnectionIsExpiredComesOnlineAgain() {
        EventId event = storedEventId();
        UserId ann = member(event);
        following(instanceAlive(T0), event, ann);
        InstanceId live = instanceAlive(T0.plusSeconds(60));

        List<Object> answers = overlapping(
                () -> presenceBoard().expire(T0.plusSeconds(30)).stream().filter(d -> d.event().equals(event)).toList(),
                () -> presenceBoard().arrive(live, ConnectionId.random(), event, ann, T0.plusSeconds(61)));

        assertEquals(List.of(List.of(new Departure(event, ann)), true), answers);
        assertEquals(List.of(MemberPresence.online(ann)), presenceIn(event));
    }

    @Test
    void anArrivalOnAnInstanceThatIsBeingExpiredIsRefused() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId silent = instanceAlive(T0);

        List<Object> answers = overlapping(
                () -> presenceBoard().expire(T0.plusSeconds(30)),
                () -> presenceBoard().arrive(silent, ConnectionId.random(), event, ann, T0.plusSeconds(31)));

        assertInstanceOf(IllegalStateException.class, answers.get(1));
        assertEquals(List.of(), presenceIn(event));
    }

    @Test
    void ofMembersArrivingTwiceAtTheSameMomentEachComesOnlineOnce() throws Exception {
        EventId event = storedEventId();
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(member(event));
        }
        InstanceId here = instanceAlive(T0);
        InstanceId there = instanceAlive(T0);
        CyclicBarrier together = new CyclicBarrier(2);

        for (UserId member : members) {
            together.reset();
            Future<Boolean> fromThere = otherInstance.submit(() -> {
                together.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                return presenceBoard().arrive(there, ConnectionId.random(), event, member, T0);
            });
            together.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            boolean fromHere = presenceBoard().arrive(here, ConnectionId.random(), event, member, T0);

            assertEquals(1, (fromHere ? 1 : 0) + (fromThere.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS) ? 1 : 0),
                    "exactly one of the two brought " + member + " online");
        }
    }

    /**
     * Runs {@code first} in a transaction that commits only once {@code second}, started in a
     * transaction of its own on another thread meanwhile, has finished or waits for a lock.
     *
     * @return what each returned, or the exception {@code second} threw
     */
    private List<Object> overlapping(Supplier<?> first, Supplier<?> second) {
        AtomicReference<Future<?>> started = new AtomicReference<>();
        Object firstAnswer = transactions().inTransaction(() -> {
            Object answer = first.get();
            Future<?> other = otherInstance.submit(() -> transactions().inTransaction(second));
            started.set(other);
            awaitFinishedOrWaitingForALock(other);
            return answer;
        });
        try {
            return List.of(firstAnswer, started.get().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return List.of(firstAnswer, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the second change did not finish within " + PATIENCE, e);
        }
    }

    private static void awaitFinishedOrWaitingForALock(Future<?> other) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!other.isDone() && !database.someoneWaitsForALock()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second change neither finished nor waited within " + PATIENCE);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
