package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.storedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.live.InstanceId;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.PresenceBoard;
import eu.heapzilla.eventa.ports.out.PresenceBoard.Departure;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PresenceBoard} implementation must do. Members are real members of stored
 * events, as a database demands. The board does not promise an order, so lists are compared
 * sorted; several test classes may share one board, so expiry is judged by the departures in
 * the test's own events.
 */
public abstract class PresenceBoardContract {

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract Memberships memberships();

    protected abstract PresenceBoard presenceBoard();

    protected EventId storedEventId() {
        return storedEvent(users(), events()).id();
    }

    /** A new user who is a member of the event. */
    protected UserId member(EventId event) {
        UserId user = users().addOrGet(newUser()).id();
        memberships().add(Membership.join(event, user, Role.EDITOR, T0));
        return user;
    }

    /** A new instance whose heartbeat was heard at {@code at}. */
    protected InstanceId instanceAlive(Instant at) {
        InstanceId instance = InstanceId.random();
        presenceBoard().heartbeat(instance, at);
        return instance;
    }

    /** A new connection of the user's on the instance, following the event from {@code T0}. */
    protected ConnectionId following(InstanceId instance, EventId event, UserId user) {
        ConnectionId connection = ConnectionId.random();
        presenceBoard().arrive(instance, connection, event, user, T0);
        return connection;
    }

    protected static List<MemberPresence> sorted(MemberPresence... presences) {
        return sorted(Arrays.asList(presences));
    }

    protected static List<MemberPresence> sorted(Collection<MemberPresence> presences) {
        return presences.stream().sorted(Comparator.comparing(p -> p.user().value().toString())).toList();
    }

    protected List<MemberPresence> presenceIn(EventId event) {
        return sorted(presenceBoard().of(event));
    }

    private static MemberPresence offline(UserId user, Instant lastSeen) {
        return MemberPresence.offline(user, Optional.of(lastSeen));
    }

    @Test
    void theFirstConnectionOfAMemberBringsThemOnline() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);

        assertTrue(presenceBoard().arrive(here, ConnectionId.random(), event, ann, T0.plusSeconds(1)));

        assertEquals(List.of(MemberPresence.online(ann)), presenceIn(event));
    }

    @Test
    void moreConnectionsOfAnOnlineMemberAnywhereDoNotBringThemOnlineAgain() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);
        InstanceId there = instanceAlive(T0);
        following(here, event, ann);

        assertFalse(presenceBoard().arrive(here, ConnectionId.random(), event, ann, T0.plusSeconds(1)));
        assertFalse(presenceBoard().arrive(there, ConnectionId.random(), event, ann, T0.plusSeconds(2)));

        assertEquals(List.of(MemberPresence.online(ann)), presenceIn(event));
    }

    @Test
    void membersComeOnlineInEachEventAndEachOnTheirOwn() {
        EventId event = storedEventId();
        EventId other = storedEventId();
        UserId ann = member(event);
        memberships().add(Membership.join(other, ann, Role.VIEWER, T0));
        UserId bob = member(event);
        InstanceId here = instanceAlive(T0);
        following(here, event, ann);

        assertTrue(presenceBoard().arrive(here, ConnectionId.random(), other, ann, T0));
        assertTrue(presenceBoard().arrive(here, ConnectionId.random(), event, bob, T0));
    }

    @Test
    void recordingTheSameConnectionTwiceIsHarmless() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);
        ConnectionId connection = ConnectionId.random();

        assertTrue(presenceBoard().arrive(here, connection, event, ann, T0));
        assertFalse(presenceBoard().arrive(here, connection, event, ann, T0.plusSeconds(1)));

        assertTrue(presenceBoard().depart(connection, event, T0.plusSeconds(2)), "it was recorded once");
        assertEquals(List.of(offline(ann, T0.plusSeconds(2))), presenceIn(event));
    }

    @Test
    void onlyTheLastConnectionToDepartTakesAMemberOfflineLastSeenThen() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);
        InstanceId there = instanceAlive(T0);
        ConnectionId phone = following(here, event, ann);
        ConnectionId laptop = following(there, event, ann);

        assertFalse(presenceBoard().depart(phone, event, T0.plusSeconds(10)));
        assertEquals(List.of(MemberPresence.online(ann)), presenceIn(event));

        assertTrue(presenceBoard().depart(laptop, event, T0.plusSeconds(20)));
        assertEquals(List.of(offline(ann, T0.plusSeconds(20))), presenceIn(event));
    }

    @Test
    void departingAConnectionThatIsNotRecordedChangesNothing() {
        EventId event = storedEventId();
        EventId other = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);
        ConnectionId connection = following(here, event, ann);

        assertFalse(presenceBoard().depart(ConnectionId.random(), event, T0.plusSeconds(1)));
        assertFalse(presenceBoard().depart(connection, other, T0.plusSeconds(1)), "it follows another event");
        assertFalse(presenceBoard().depart(connection, EventId.random(), T0.plusSeconds(1)));
        assertEquals(List.of(MemberPresence.online(ann)), presenceIn(event));

        assertTrue(presenceBoard().depart(connection, event, T0.plusSeconds(2)));
        assertFalse(presenceBoard().depart(connection, event, T0.plusSeconds(3)), "it departed already");
        assertEquals(List.of(offline(ann, T0.plusSeconds(2))), presenceIn(event));
    }

    @Test
    void comingBackClearsTheLastSeenTime() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);
        presenceBoard().depart(following(here, event, ann), event, T0.plusSeconds(5));

        assertTrue(presenceBoard().arrive(here, ConnectionId.random(), event, ann, T0.plusSeconds(9)));

        assertEquals(List.of(MemberPresence.online(ann)), presenceIn(event));
    }

    @Test
    void presenceListsTheOnlineMembersAndWhenTheOthersWereLastSeenThere() {
        EventId event = storedEventId();
        EventId other = storedEventId();
        UserId ann = member(event);
        UserId bob = member(event);
        UserId cid = member(event);
        member(event);
        memberships().add(Membership.join(other, ann, Role.VIEWER, T0));
        memberships().add(Membership.join(other, bob, Role.VIEWER, T0));
        InstanceId here = instanceAlive(T0);
        following(here, event, ann);
        presenceBoard().depart(following(here, event, bob), event, T0.plusSeconds(30));
        presenceBoard().depart(following(here, event, cid), event, T0.plusSeconds(40));
        presenceBoard().depart(following(here, other, ann), other, T0.plusSeconds(50));
        following(here, other, bob);

        assertEquals(sorted(MemberPresence.online(ann), offline(bob, T0.plusSeconds(30)), offline(cid, T0.plusSeconds(40))),
                presenceIn(event), "a member never seen there is not listed");
        assertEquals(sorted(offline(ann, T0.plusSeconds(50)), MemberPresence.online(bob)), presenceIn(other));
        assertEquals(List.of(), presenceBoard().of(storedEventId()));
        assertEquals(List.of(), presenceBoard().of(EventId.random()));
    }

    @Test
    void expiringForgetsTheConnectionsOfSilentInstancesOnly() {
        EventId event = storedEventId();
        EventId other = storedEventId();
        UserId ann = member(event);
        UserId bob = member(event);
        UserId cid = member(event);
        UserId dan = member(event);
        UserId eve = member(other);
        InstanceId silent = instanceAlive(T0);
        InstanceId quiet = instanceAlive(T0.plusSeconds(5));
        InstanceId live = instanceAlive(T0.plusSeconds(60));
        following(silent, event, ann);
        following(silent, event, ann);
        following(silent, event, bob);
        following(live, event, bob);
        following(silent, event, cid);
        following(quiet, event, cid);
        following(live, event, dan);
        following(quiet, other, eve);

        List<Departure> gone = presenceBoard().expire(T0.plusSeconds(30));

        assertEquals(Set.of(new Departure(event, ann), new Departure(event, cid), new Departure(other, eve)),
                Set.copyOf(inEvents(gone, event, other)));
        assertEquals(3, inEvents(gone, event, other).size(), "each member went offline once");
        assertEquals(sorted(offline(ann, T0), MemberPresence.online(bob), offline(cid, T0.plusSeconds(5)),
                MemberPresence.online(dan)), presenceIn(event), "last seen at their instance's last heartbeat");
        assertEquals(List.of(offline(eve, T0.plusSeconds(5))), presenceIn(other));
        assertEquals(List.of(), inEvents(presenceBoard().expire(T0.plusSeconds(30)), event, other));
    }

    @Test
    void aRecentHeartbeatKeepsAnInstancesConnections() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);
        following(here, event, ann);

        presenceBoard().heartbeat(here, T0.plusSeconds(40));

        assertEquals(List.of(), inEvents(presenceBoard().expire(T0.plusSeconds(30)), event));
        assertEquals(List.of(MemberPresence.online(ann)), presenceIn(event));
    }

    @Test
    void aConnectionThatWasExpiredCannotDepartAgain() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId silent = instanceAlive(T0);
        ConnectionId connection = following(silent, event, ann);
        presenceBoard().expire(T0.plusSeconds(30));

        assertFalse(presenceBoard().depart(connection, event, T0.plusSeconds(45)));

        assertEquals(List.of(offline(ann, T0)), presenceIn(event));
    }

    @Test
    void anExpiredInstanceMustSendAHeartbeatBeforeItsConnectionsArriveAgain() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId revenant = instanceAlive(T0);
        presenceBoard().expire(T0.plusSeconds(30));

        assertThrows(IllegalStateException.class,
                () -> presenceBoard().arrive(revenant, ConnectionId.random(), event, ann, T0.plusSeconds(31)));

        assertFalse(presenceBoard().heartbeat(revenant, T0.plusSeconds(32)), "it learns that it was expired");
        assertTrue(presenceBoard().heartbeat(revenant, T0.plusSeconds(33)), "and is known again from then on");
        assertTrue(presenceBoard().arrive(revenant, ConnectionId.random(), event, ann, T0.plusSeconds(33)));
    }

    @Test
    void anInstanceThatNeverSentAHeartbeatCannotRecordConnections() {
        EventId event = storedEventId();
        UserId ann = member(event);

        assertThrows(IllegalStateException.class,
                () -> presenceBoard().arrive(InstanceId.random(), ConnectionId.random(), event, ann, T0));

        assertEquals(List.of(), presenceIn(event));
    }

    @Test
    void aRolledBackArrivalLeavesNothingBehind() {
        EventId event = storedEventId();
        UserId ann = member(event);
        InstanceId here = instanceAlive(T0);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            assertTrue(presenceBoard().arrive(here, ConnectionId.random(), event, ann, T0));
            throw new IllegalStateException("the work fails after arriving");
        }));

        assertEquals(List.of(), presenceIn(event));
        assertTrue(presenceBoard().arrive(here, ConnectionId.random(), event, ann, T0));
    }

    private static List<Departure> inEvents(List<Departure> departures, EventId... events) {
        Set<EventId> ours = Set.of(events);
        return departures.stream().filter(d -> ours.contains(d.event())).toList();
    }
}
