package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.ExpireLostConnections;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import eu.heapzilla.eventa.ports.in.WriteOrigin;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Following events live, in memory: replay then live without gap or duplicate, echo, revocation, resync, presence. */
class LiveFollowingTest {

    private final EventWorld world = new EventWorld();
    private final FollowChanges follow = world.useCases.followChanges();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final SecureRandom random = new SecureRandom();
    private long version = 1;

    /** Everything a connection was told, in order, as short words; it refuses more after {@code capacity} changes. */
    static final class Recorder implements FollowChanges.Listener {

        final List<String> heard = new ArrayList<>();
        final List<Long> seqs = new ArrayList<>();
        int capacity = Integer.MAX_VALUE;

        @Override
        public boolean change(Change change) {
            if (seqs.size() >= capacity) {
                return false;
            }
            heard.add("change " + change.seq());
            seqs.add(change.seq());
            return true;
        }

        @Override
        public boolean subscribed(EventId event, long cursor) {
            heard.add("subscribed " + cursor);
            return true;
        }

        @Override
        public boolean presence(EventId event, UserId user, boolean online) {
            heard.add("presence " + user + " " + online);
            return true;
        }

        @Override
        public void revoked(EventId event) {
            heard.add("revoked");
        }

        @Override
        public void resync(EventId event) {
            heard.add("resync");
        }

        @Override
        public void signedOut() {
            heard.add("signed out");
        }

        String last() {
            return heard.get(heard.size() - 1);
        }
    }

    private Secret bearerOf(UserId user) {
        Secret bearer = Secret.generate(random);
        world.adapters.bearerTokens.add(BearerToken.issue(bearer.hash(), user, Optional.empty(), world.adapters.clock.now()));
        return bearer;
    }

    private void edit() {
        world.useCases.planEvents().edit(olga, wedding, version, EventEdit.none().withTitle("Wedding v" + (++version)));
    }

    private long last() {
        return world.lastChange(wedding).seq();
    }

    @Test
    void aSubscriptionReplaysWhatWasMissedThenFollowsLive() {
        edit();
        edit();
        Recorder phone = new Recorder();
        follow.connect(bearerOf(olga), phone).subscribe(wedding, OptionalLong.of(1));
        assertEquals(List.of("change 2", "change 3", "change 4", "subscribed 4"), phone.heard);
        edit();
        assertEquals("change 5", phone.last());
    }

    @Test
    void withoutSinceOnlyWhatHappensFromNowOnArrives() {
        edit();
        Recorder phone = new Recorder();
        follow.connect(bearerOf(olga), phone).subscribe(wedding, OptionalLong.empty());
        assertEquals(List.of("subscribed 3"), phone.heard);
        edit();
        assertEquals(List.of("subscribed 3", "change 4"), phone.heard);
    }

    @Test
    void aWriteIsNotEchoedToTheConnectionItCameThroughButToTheWritersOthers() {
        Recorder phone = new Recorder();
        Recorder laptop = new Recorder();
        FollowChanges.Connection phoneConnection = follow.connect(bearerOf(olga), phone);
        phoneConnection.subscribe(wedding, OptionalLong.empty());
        follow.connect(bearerOf(olga), laptop).subscribe(wedding, OptionalLong.empty());
        WriteOrigin.during(phoneConnection.id(), () -> {
            edit();
            return null;
        });
        assertEquals(List.of("subscribed 2"), phone.heard);
        assertEquals(List.of("subscribed 2", "change 3"), laptop.heard);
        assertEquals(Optional.of(phoneConnection.id()), world.lastChange(wedding).origin());
        edit();
        assertEquals(List.of("subscribed 2", "change 4"), phone.heard, "the cursor moved past the silenced change");
    }

    @Test
    void anotherUsersConnectionIsNotSilencedByNamingIt() {
        UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
        Recorder pietsPhone = new Recorder();
        FollowChanges.Connection connection = follow.connect(bearerOf(piet), pietsPhone);
        connection.subscribe(wedding, OptionalLong.empty());
        WriteOrigin.during(connection.id(), () -> {
            edit(); // made by Olga, naming Piet's connection
            return null;
        });
        assertTrue(pietsPhone.last().startsWith("change"));
    }

    @Test
    void removalRevokesTheRemovedMemberOnlyAndStopsDelivery() {
        UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
        Recorder pietsPhone = new Recorder();
        Recorder olgasPhone = new Recorder();
        follow.connect(bearerOf(piet), pietsPhone).subscribe(wedding, OptionalLong.empty());
        follow.connect(bearerOf(olga), olgasPhone).subscribe(wedding, OptionalLong.empty());
        world.useCases.manageMembers().remove(olga, wedding, piet);
        assertEquals("revoked", pietsPhone.last());
        assertTrue(olgasPhone.heard.stream().anyMatch(h -> h.startsWith("change")));
        int heard = pietsPhone.heard.size();
        edit();
        assertEquals(heard, pietsPhone.heard.size());
    }

    @Test
    void aRemovalInsideTheReplayRevokesToo() {
        UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
        Recorder pietsPhone = new Recorder();
        FollowChanges.Connection connection = follow.connect(bearerOf(piet), pietsPhone);
        connection.subscribe(wedding, OptionalLong.empty());
        connection.unsubscribe(wedding);
        long cursor = last();
        world.useCases.manageMembers().remove(olga, wedding, piet);
        assertThrows(NotFound.class, () -> connection.subscribe(wedding, OptionalLong.of(cursor)),
                "once removed, subscribing is refused outright");
    }

    @Test
    void deletingTheEventRevokesEveryone() {
        Recorder phone = new Recorder();
        follow.connect(bearerOf(olga), phone).subscribe(wedding, OptionalLong.empty());
        world.useCases.planEvents().delete(olga, wedding);
        assertEquals("revoked", phone.last());
    }

    @Test
    void signingOutEndsTheConnectionsOfThatBearerOnly() {
        Secret phoneBearer = bearerOf(olga);
        Recorder phone = new Recorder();
        Recorder laptop = new Recorder();
        follow.connect(phoneBearer, phone).subscribe(wedding, OptionalLong.empty());
        follow.connect(bearerOf(olga), laptop).subscribe(wedding, OptionalLong.empty());
        world.useCases.signIn().signOut(phoneBearer);
        assertEquals("signed out", phone.last());
        edit();
        assertFalse(phone.heard.contains("change 3"), "nothing after the sign-out");
        assertEquals("change 3", laptop.last());
        assertThrows(Unauthenticated.class, () -> follow.connect(phoneBearer, new Recorder()));
    }

    @Test
    void aDeviceThatCannotKeepUpIsToldToResyncAndLeftBehind() {
        Recorder slow = new Recorder();
        slow.capacity = 2;
        follow.connect(bearerOf(olga), slow).subscribe(wedding, OptionalLong.empty());
        edit();
        edit();
        edit();
        assertEquals(List.of("subscribed 2", "change 3", "change 4", "resync"), slow.heard);
        edit();
        assertEquals("resync", slow.last());
    }

    @Test
    void aDeviceTooFarBehindIsToldToResyncInsteadOfAHugeReplay() {
        for (int i = 0; i <= FollowChanges.MAX_REPLAY; i++) {
            edit();
        }
        Recorder phone = new Recorder();
        follow.connect(bearerOf(olga), phone).subscribe(wedding, OptionalLong.of(0));
        assertEquals(List.of("resync"), phone.heard);
    }

    @Test
    void changesMissedWhileTheBusWasAwayArriveWhenItResumes() {
        Recorder phone = new Recorder();
        follow.connect(bearerOf(olga), phone).subscribe(wedding, OptionalLong.empty());
        // A change committed without an announcement, as when the LISTEN connection was down.
        world.adapters.transactions.run(() -> world.adapters.changeLog.append(new Change(wedding,
                world.adapters.events.nextChangeSeq(wedding), EntityType.EVENT, wedding.toString(), ChangeOp.UPDATED, 9,
                olga, world.adapters.clock.now())));
        assertEquals(List.of("subscribed 2"), phone.heard);
        world.adapters.changeBus.resume();
        assertEquals(List.of("subscribed 2", "change 3"), phone.heard);
    }

    @Test
    void subscribingIsCheckedLikeReading() {
        UserId stranger = world.user("Stranger");
        FollowChanges.Connection connection = follow.connect(bearerOf(stranger), new Recorder());
        assertThrows(NotFound.class, () -> connection.subscribe(wedding, OptionalLong.empty()));
        FollowChanges.Connection olgas = follow.connect(bearerOf(olga), new Recorder());
        assertEquals("since", assertThrows(InvalidValue.class, () -> olgas.subscribe(wedding, OptionalLong.of(-1))).field());
        assertEquals("since", assertThrows(InvalidValue.class, () -> olgas.subscribe(wedding, OptionalLong.of(99))).field());
        for (int i = 0; i < FollowChanges.MAX_SUBSCRIPTIONS; i++) {
            olgas.subscribe(world.plan(olga, "Event " + i), OptionalLong.empty());
        }
        assertEquals("limit_reached", assertThrows(Conflict.class, () -> olgas.subscribe(wedding, OptionalLong.empty()))
                .errorCode());
    }

    @Test
    void presenceFollowsTheFirstAndLastConnectionOfAMember() {
        UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
        Recorder olgasPhone = new Recorder();
        follow.connect(bearerOf(olga), olgasPhone).subscribe(wedding, OptionalLong.empty());
        FollowChanges.Connection pietsPhone = follow.connect(bearerOf(piet), new Recorder());
        FollowChanges.Connection pietsLaptop = follow.connect(bearerOf(piet), new Recorder());
        pietsPhone.subscribe(wedding, OptionalLong.empty());
        pietsLaptop.subscribe(wedding, OptionalLong.empty());
        live().awaitPresence();
        assertEquals(1, olgasPhone.heard.stream().filter(("presence " + piet + " true")::equals).count(),
                "online once, not per device");
        assertTrue(presenceOf(piet).online());

        pietsPhone.close();
        live().awaitPresence();
        assertFalse(olgasPhone.heard.contains("presence " + piet + " false"), "still online on the laptop");
        world.tick();
        pietsLaptop.close();
        live().awaitPresence();
        assertEquals("presence " + piet + " false", olgasPhone.last());
        MemberPresence gone = presenceOf(piet);
        assertFalse(gone.online());
        assertEquals(Optional.of(world.adapters.clock.now()), gone.lastSeen());
    }

    @Test
    void theMembersOfASilentInstanceAreExpired() {
        UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
        follow.connect(bearerOf(piet), new Recorder()).subscribe(wedding, OptionalLong.empty());
        live().awaitPresence();
        assertEquals(0, live().sweep(), "this instance is alive");
        // Another instance sweeps long after this one last said it was alive.
        ExpireLostConnections other = new UseCases(world.adapters.outPorts()).expireLostConnections();
        world.adapters.clock.advance(ExpireLostConnections.TIMEOUT.plusSeconds(1));
        assertEquals(1, other.sweep());
        assertFalse(presenceOf(piet).online());
        assertTrue(world.adapters.changeBus.announcements().contains(new ChangeBus.PresenceChanged(wedding, piet, false)));
    }

    @Test
    void anInstanceTakenForDeadRecordsItsConnectionsAgainAtItsNextHeartbeat() {
        UserId piet = world.join(olga, wedding, "Piet", Role.EDITOR);
        follow.connect(bearerOf(piet), new Recorder()).subscribe(wedding, OptionalLong.empty());
        live().awaitPresence();
        ExpireLostConnections other = new UseCases(world.adapters.outPorts()).expireLostConnections();
        world.adapters.clock.advance(ExpireLostConnections.TIMEOUT.plusSeconds(1));
        assertEquals(1, other.sweep(), "this instance was paused too long and taken for dead");
        assertFalse(presenceOf(piet).online());

        live().sweep();
        live().awaitPresence();
        assertTrue(presenceOf(piet).online(), "its connection is still open, so Piet is back online");
    }

    private MemberPresence presenceOf(UserId user) {
        return world.useCases.seePresence().presence(olga, wedding).stream().filter(p -> p.user().equals(user))
                .findFirst().orElseThrow();
    }

    private LiveFeeds live() {
        return (LiveFeeds) world.useCases.expireLostConnections();
    }
}
