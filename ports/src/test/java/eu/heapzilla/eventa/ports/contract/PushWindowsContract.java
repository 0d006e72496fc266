package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.storedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.PushWindows;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PushWindows} implementation must do. Windows are for stored users and
 * events, as a database demands. Several tests may share one store, so the test of forgetting
 * works in a year no other test uses.
 */
public abstract class PushWindowsContract {

    protected static final Duration WINDOW = Duration.ofMinutes(10);

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract PushWindows pushWindows();

    protected UserId storedUser() {
        return users().addOrGet(newUser()).id();
    }

    protected EventId storedEventId() {
        return storedEvent(users(), events()).id();
    }

    @Test
    void opensOnceWithinTheWindowAndAgainOnceItHasPassed() {
        UserId ann = storedUser();
        EventId event = storedEventId();

        assertTrue(pushWindows().open(ann, event, T0, WINDOW));
        assertFalse(pushWindows().open(ann, event, T0, WINDOW), "at the same moment");
        assertFalse(pushWindows().open(ann, event, T0.plus(WINDOW).minusMillis(1), WINDOW));
        assertTrue(pushWindows().open(ann, event, T0.plus(WINDOW), WINDOW), "a window lasts exactly its length");
        assertFalse(pushWindows().open(ann, event, T0.plus(WINDOW).plusSeconds(1), WINDOW), "the new window runs");
    }

    @Test
    void anOpeningThatIsRefusedDoesNotProlongTheWindow() {
        UserId ann = storedUser();
        EventId event = storedEventId();
        pushWindows().open(ann, event, T0, WINDOW);

        assertFalse(pushWindows().open(ann, event, T0.plus(WINDOW.dividedBy(2)), WINDOW));

        assertTrue(pushWindows().open(ann, event, T0.plus(WINDOW), WINDOW));
    }

    @Test
    void theWindowIsJudgedByTheLengthAskedForNow() {
        UserId ann = storedUser();
        EventId event = storedEventId();
        pushWindows().open(ann, event, T0, WINDOW);

        assertFalse(pushWindows().open(ann, event, T0.plusSeconds(90), Duration.ofMinutes(2)));
        assertTrue(pushWindows().open(ann, event, T0.plusSeconds(90), Duration.ofMinutes(1)));
    }

    @Test
    void eachPersonHasAWindowPerEvent() {
        UserId ann = storedUser();
        UserId bob = storedUser();
        EventId event = storedEventId();
        EventId other = storedEventId();

        assertTrue(pushWindows().open(ann, event, T0, WINDOW));
        assertTrue(pushWindows().open(ann, other, T0, WINDOW));
        assertTrue(pushWindows().open(bob, event, T0, WINDOW));
        assertFalse(pushWindows().open(ann, other, T0.plusSeconds(1), WINDOW));
        assertFalse(pushWindows().open(bob, event, T0.plusSeconds(1), WINDOW));
    }

    @Test
    void forgetsWindowsOpenedBeforeTheCutoffOnly() {
        Instant longAgo = Instant.parse("2001-03-01T12:00:00Z");
        UserId ann = storedUser();
        UserId bob = storedUser();
        UserId cid = storedUser();
        EventId event = storedEventId();
        pushWindows().open(ann, event, longAgo, WINDOW);
        pushWindows().open(bob, event, longAgo.plus(WINDOW), WINDOW);
        pushWindows().open(cid, event, longAgo.plus(WINDOW).plusSeconds(1), WINDOW);

        assertEquals(1, pushWindows().deleteOpenedBefore(longAgo.plus(WINDOW)));
        assertEquals(0, pushWindows().deleteOpenedBefore(longAgo.plus(WINDOW)));

        Instant soon = longAgo.plus(WINDOW).plusSeconds(2);
        assertTrue(pushWindows().open(ann, event, soon, WINDOW), "forgotten, so open");
        assertFalse(pushWindows().open(bob, event, soon, WINDOW), "opened at the cutoff, so kept");
        assertFalse(pushWindows().open(cid, event, soon, WINDOW));
    }

    @Test
    void anOpeningInATransactionThatFailsIsForgotten() {
        UserId ann = storedUser();
        EventId event = storedEventId();

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            assertTrue(pushWindows().open(ann, event, T0, WINDOW));
            throw new IllegalStateException("the fan-out fails after opening");
        }));

        assertTrue(pushWindows().open(ann, event, T0.plusSeconds(1), WINDOW));
    }
}
