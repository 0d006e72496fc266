package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.fullBrief;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newEvent;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link Events} implementation must do. */
public abstract class EventsContract {

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    private User storedUser() {
        return users().addOrGet(newUser());
    }

    protected Event storedEvent() {
        Event event = newEvent(storedUser());
        events().add(event);
        return event;
    }

    @Test
    void storesAnEventWithEveryFieldSetAndReadsItBack() {
        Event event = new Event(EventId.random(), fullBrief(), 3, T0, storedUser().id(), T0.plusSeconds(90),
                storedUser().id());
        events().add(event);
        assertEquals(Optional.of(event), events().byId(event.id()));
    }

    @Test
    void storesAnEventWithOnlyATitleAndReadsItBack() {
        Event event = newEvent(storedUser());
        events().add(event);
        Event stored = events().byId(event.id()).orElseThrow();
        assertEquals(event, stored);
        assertTrue(stored.brief().date().isEmpty());
        assertTrue(stored.brief().location().isEmpty());
        assertTrue(stored.brief().notes().isEmpty());
        assertTrue(stored.brief().plannedBudgetCents().isEmpty());
    }

    @Test
    void storesTheLongestTextsAndLargestBudgetTheDomainAllows() {
        String emoji = "\uD83C\uDF89";
        EventBrief brief = new EventBrief(emoji.repeat(EventBrief.MAX_TITLE), Optional.of(EventBrief.EARLIEST_DATE),
                ZoneId.of("America/Argentina/ComodRivadavia"), Currency.getInstance("JPY"),
                Optional.of("ä".repeat(EventBrief.MAX_LOCATION)), Optional.of("x\n".repeat(EventBrief.MAX_NOTES / 2)),
                OptionalLong.of(EventBrief.MAX_BUDGET_CENTS));
        User creator = storedUser();
        Event event = new Event(EventId.random(), brief, 1, T0, creator.id(), T0, creator.id());
        events().add(event);
        assertEquals(Optional.of(event), events().byId(event.id()));
    }

    @Test
    void findsNothingForAnUnknownId() {
        EventId unknown = EventId.random();
        assertTrue(events().byId(unknown).isEmpty());
        assertTrue(transactions().inTransaction(() -> events().lock(unknown)).isEmpty());
        assertTrue(events().lastChangeSeq(unknown).isEmpty());
    }

    @Test
    void refusesASecondEventWithTheSameId() {
        Event event = storedEvent();
        Event twin = newEvent(event.id(), storedUser());
        assertThrows(IllegalStateException.class, () -> events().add(twin));
        assertEquals(Optional.of(event), events().byId(event.id()));
    }

    @Test
    void locksAndReadsTheEventInsideATransaction() {
        Event event = storedEvent();
        assertEquals(Optional.of(event), transactions().inTransaction(() -> events().lock(event.id())));
    }

    @Test
    void updatesTheBriefVersionAndLastEditorButNotTheCreation() {
        Event event = storedEvent();
        User editor = storedUser();
        Event changed = new Event(event.id(), fullBrief(), 2, T0.plusSeconds(999), storedUser().id(), T0.plusSeconds(60),
                editor.id());

        events().update(changed);

        Event stored = events().byId(event.id()).orElseThrow();
        assertEquals(fullBrief(), stored.brief());
        assertEquals(2, stored.version());
        assertEquals(T0.plusSeconds(60), stored.updatedAt());
        assertEquals(editor.id(), stored.updatedBy());
        assertEquals(event.createdAt(), stored.createdAt());
        assertEquals(event.createdBy(), stored.createdBy());
    }

    @Test
    void anUpdateClearsTheFieldsItLeavesEmpty() {
        User creator = storedUser();
        Event event = new Event(EventId.random(), fullBrief(), 1, T0, creator.id(), T0, creator.id());
        events().add(event);
        Event cleared = new Event(event.id(), EventBrief.titled("Just a title"), 2, T0, creator.id(), T0.plusSeconds(1),
                creator.id());

        events().update(cleared);

        assertEquals(Optional.of(cleared), events().byId(event.id()));
    }

    @Test
    void anUpdateLeavesTheChangeCounterAlone() {
        Event event = storedEvent();
        transactions().run(() -> {
            events().lock(event.id()).orElseThrow();
            events().nextChangeSeq(event.id());
        });
        events().update(new Event(event.id(), fullBrief(), 2, T0, event.createdBy(), T0.plusSeconds(1), event.createdBy()));
        assertEquals(Optional.of(1L), events().lastChangeSeq(event.id()));
    }

    @Test
    void cannotUpdateAnUnknownEvent() {
        Event unknown = newEvent(storedUser());
        assertThrows(NotFound.class, () -> events().update(unknown));
        assertTrue(events().byId(unknown.id()).isEmpty());
    }

    @Test
    void countsChangesOneTwoThreeFromZero() {
        Event event = storedEvent();
        assertEquals(Optional.of(0L), events().lastChangeSeq(event.id()));
        for (long expected = 1; expected <= 3; expected++) {
            long next = transactions().inTransaction(() -> {
                events().lock(event.id()).orElseThrow();
                return events().nextChangeSeq(event.id());
            });
            assertEquals(expected, next);
            assertEquals(Optional.of(expected), events().lastChangeSeq(event.id()));
        }
    }

    @Test
    void keepsOneChangeCounterPerEvent() {
        Event busy = storedEvent();
        Event quiet = storedEvent();
        transactions().run(() -> {
            events().lock(busy.id()).orElseThrow();
            events().nextChangeSeq(busy.id());
            events().nextChangeSeq(busy.id());
        });
        assertEquals(Optional.of(2L), events().lastChangeSeq(busy.id()));
        assertEquals(Optional.of(0L), events().lastChangeSeq(quiet.id()));
    }

    @Test
    void cannotCountChangesOfAnUnknownEvent() {
        assertThrows(NotFound.class, () -> transactions().run(() -> events().nextChangeSeq(EventId.random())));
    }

    @Test
    void removesAnEventAndOnlyThatEvent() {
        Event removed = storedEvent();
        Event kept = storedEvent();

        events().remove(removed.id());

        assertTrue(events().byId(removed.id()).isEmpty());
        assertTrue(events().lastChangeSeq(removed.id()).isEmpty());
        assertEquals(Optional.of(kept), events().byId(kept.id()));
    }

    @Test
    void aSecondTransactionThatLocksAnEventWaitsUntilTheFirstCommits() throws Exception {
        Event event = storedEvent();
        Event edited = new Event(event.id(), fullBrief(), 2, event.createdAt(), event.createdBy(), T0.plusSeconds(1),
                event.createdBy());
        CountDownLatch locked = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions().run(() -> {
            events().lock(event.id()).orElseThrow();
            locked.countDown();
            pause(Duration.ofMillis(300));
            events().update(edited);
            events().nextChangeSeq(event.id());
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        Event seenBySecond = transactions().inTransaction(() -> events().lock(event.id())).orElseThrow();
        first.get(10, TimeUnit.SECONDS);

        assertEquals(edited, seenBySecond, "the second transaction waited for the first one's lock and saw its edit");
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event kept = storedEvent();
        Event added = newEvent(storedUser());

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            events().add(added);
            events().lock(kept.id()).orElseThrow();
            events().update(new Event(kept.id(), fullBrief(), 2, T0, kept.createdBy(), T0.plusSeconds(1), kept.createdBy()));
            events().nextChangeSeq(kept.id());
            events().remove(added.id());
            events().add(added);
            throw new IllegalStateException("the work fails");
        }));

        assertTrue(events().byId(added.id()).isEmpty());
        assertEquals(Optional.of(kept), events().byId(kept.id()));
        assertEquals(Optional.of(0L), events().lastChangeSeq(kept.id()));
    }
}
