package eu.heapzilla.eventa.ports.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.ChangeBus.Announcement;
import eu.heapzilla.eventa.ports.out.ChangeBus.Changed;
import eu.heapzilla.eventa.ports.out.ChangeBus.EventDeleted;
import eu.heapzilla.eventa.ports.out.ChangeBus.PresenceChanged;
import eu.heapzilla.eventa.ports.out.ChangeBus.SignedOut;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChangeBus} implementation must do. A listener may be called on the
 * announcing thread or on one of the bus's own, so every test waits (a bounded time) for what
 * it expects. That nothing else was heard is shown with a sentinel: an announcement made after
 * everything else, outside any transaction; what is heard before it is all there is.
 */
public abstract class ChangeBusContract {

    /** How long to wait for something that should be heard. */
    protected static final Duration PATIENCE = Duration.ofSeconds(10);

    protected abstract Transactions transactions();

    protected abstract ChangeBus changeBus();

    private final List<ChangeBus.Listening> listenings = new ArrayList<>();

    @AfterEach
    void stopListening() {
        listenings.forEach(ChangeBus.Listening::close);
    }

    /** A listener that keeps what it hears, in order, for a test to take. */
    public static final class Ear implements ChangeBus.Listener {

        private final BlockingQueue<Announcement> heard = new LinkedBlockingQueue<>();
        private final Semaphore resumptions = new Semaphore(0);

        @Override
        public void heard(Announcement announcement) {
            heard.add(announcement);
        }

        @Override
        public void resumed() {
            resumptions.release();
        }

        /** The next announcement heard, waiting for it at most {@link #PATIENCE}. */
        public Announcement next() {
            try {
                Announcement next = heard.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                assertNotNull(next, "heard nothing within " + PATIENCE);
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Asserts that the next announcements heard are exactly these, in this order. */
        public void hears(Announcement... expected) {
            for (Announcement announcement : expected) {
                assertEquals(announcement, next());
            }
        }

        /** What was heard and not taken yet. */
        public List<Announcement> untaken() {
            List<Announcement> rest = new ArrayList<>();
            heard.drainTo(rest);
            return rest;
        }

        /** Waits (at most {@link #PATIENCE}) until told that listening resumed. */
        public void awaitResumed() {
            try {
                assertTrue(resumptions.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS),
                        "not told within " + PATIENCE + " that listening resumed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A new ear listening to {@code bus} until the test ends. */
    protected Ear listeningTo(ChangeBus bus) {
        Ear ear = new Ear();
        listenings.add(bus.listen(ear));
        return ear;
    }

    private Ear listening() {
        return listeningTo(changeBus());
    }

    /** An announcement nobody else makes. */
    protected static Announcement sentinel() {
        return new EventDeleted(EventId.random());
    }

    /** Announces a {@link #sentinel()} outside any transaction, and returns it. */
    protected Announcement announcedSentinel() {
        Announcement sentinel = sentinel();
        changeBus().announce(sentinel);
        return sentinel;
    }

    @Test
    void aCommittedAnnouncementIsHeardOnceByEveryListener() {
        Ear one = listening();
        Ear other = listening();
        Changed changed = new Changed(EventId.random(), 7);

        transactions().run(() -> changeBus().announce(changed));
        Announcement sentinel = announcedSentinel();

        one.hears(changed, sentinel);
        other.hears(changed, sentinel);
    }

    @Test
    void nothingIsHeardBeforeTheTransactionCommits() {
        Ear ear = listening();
        Changed changed = new Changed(EventId.random(), 1);
        Announcement sentinel = sentinel();

        transactions().run(() -> {
            changeBus().announce(changed);
            CompletableFuture.runAsync(() -> changeBus().announce(sentinel))
                    .orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
            ear.hears(sentinel);
        });

        ear.hears(changed);
    }

    @Test
    void aRolledBackAnnouncementIsNeverHeard() {
        Ear ear = listening();

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            changeBus().announce(new Changed(EventId.random(), 1));
            changeBus().announce(new SignedOut(UserId.random()));
            throw new IllegalStateException("the work fails after announcing");
        }));

        ear.hears(announcedSentinel());
    }

    @Test
    void anAnnouncementOutsideATransactionIsHeard() {
        Ear ear = listening();
        Changed changed = new Changed(EventId.random(), 3);

        changeBus().announce(changed);

        ear.hears(changed);
    }

    @Test
    void theChangesOfOneEventAreHeardInTheOrderTheyCommitted() {
        Ear ear = listening();
        EventId event = EventId.random();
        List<Announcement> expected = new ArrayList<>();
        for (long seq = 1; seq <= 30; seq++) {
            Changed changed = new Changed(event, seq);
            expected.add(changed);
            transactions().run(() -> changeBus().announce(changed));
        }
        List<Announcement> together = new ArrayList<>();
        for (long seq = 31; seq <= 40; seq++) {
            together.add(new Changed(event, seq));
        }
        expected.addAll(together);
        transactions().run(() -> together.forEach(changeBus()::announce));

        ear.hears(expected.toArray(Announcement[]::new));
        ear.hears(announcedSentinel());
    }

    @Test
    void everyKindOfAnnouncementIsHeardWithAllItsFields() {
        Ear ear = listening();
        EventId event = EventId.random();
        UserId user = UserId.random();
        List<Announcement> all = List.of(new Changed(event, 1), new Changed(event, Long.MAX_VALUE),
                new PresenceChanged(event, user, true), new PresenceChanged(event, user, false), new SignedOut(user),
                new EventDeleted(event));

        transactions().run(() -> all.forEach(changeBus()::announce));

        ear.hears(all.toArray(Announcement[]::new));
    }

    @Test
    void aListenerThatStoppedListeningHearsNothingMore() {
        Ear stopped = new Ear();
        ChangeBus.Listening listening = changeBus().listen(stopped);
        Ear other = listening();
        Announcement before = announcedSentinel();
        stopped.hears(before);
        other.hears(before);

        listening.close();
        Announcement after = announcedSentinel();

        other.hears(after);
        assertEquals(List.of(), stopped.untaken(), "it would have heard it before the other listener did");
        listening.close();
    }

    @Test
    void listeningAgainAfterEveryListenerStoppedHearsAgain() {
        changeBus().listen(new Ear()).close();
        Ear ear = listening();

        ear.hears(announcedSentinel());
    }
}
