package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.storedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What every {@link ChangeLog} implementation must do. */
public abstract class ChangeLogContract {

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract ChangeLog changeLog();

    protected Event storedEventOfItsOwn() {
        return storedEvent(users(), events());
    }

    /** The {@code seq}-th change of the event: its brief, updated by its creator. */
    protected static Change change(Event event, long seq) {
        return new Change(event.id(), seq, EntityType.EVENT, event.id().toString(), ChangeOp.UPDATED, seq + 1,
                event.createdBy(), T0.plusSeconds(seq));
    }

    private List<Change> appended(Event event, long... seqs) {
        List<Change> changes = new ArrayList<>();
        for (long seq : seqs) {
            Change change = change(event, seq);
            changeLog().append(change);
            changes.add(change);
        }
        return changes;
    }

    @Test
    void appendsChangesOfEveryKindAndReadsBackEveryField() {
        Event event = storedEventOfItsOwn();
        List<Change> expected = new ArrayList<>();
        long seq = 0;
        for (EntityType type : EntityType.values()) {
            for (ChangeOp op : ChangeOp.values()) {
                seq++;
                Change change = new Change(event.id(), seq, type, type.wireName() + "-" + seq, op, 40 + seq,
                        users().addOrGet(newUser()).id(), T0.plusMillis(1500 * seq));
                changeLog().append(change);
                expected.add(change);
            }
        }
        assertEquals(expected, changeLog().after(event.id(), 0, 100));
    }

    @Test
    void keepsTheConnectionAChangeCameThroughAndItsAbsence() {
        Event event = storedEventOfItsOwn();
        Change through = new Change(event.id(), 1, EntityType.TASK, "task-1", ChangeOp.CREATED, 1, event.createdBy(), T0,
                Optional.of(ConnectionId.random()));
        Change without = change(event, 2);
        changeLog().append(through);
        changeLog().append(without);

        assertEquals(List.of(through, without), changeLog().after(event.id(), 0, 10));
    }

    @Test
    void readsChangesInSeqOrderWhateverTheOrderTheyWereAppendedIn() {
        Event event = storedEventOfItsOwn();
        appended(event, 3, 1, 5, 2, 4);
        assertEquals(LongStream.rangeClosed(1, 5).mapToObj(seq -> change(event, seq)).toList(),
                changeLog().after(event.id(), 0, 10));
    }

    @Test
    void readsOnlyChangesAfterTheCursorAndAtMostTheLimit() {
        Event event = storedEventOfItsOwn();
        List<Change> all = appended(event, 1, 2, 3, 4, 5);

        assertEquals(all.subList(2, 4), changeLog().after(event.id(), 2, 2));
        assertEquals(all.subList(2, 5), changeLog().after(event.id(), 2, 100));
        assertEquals(all.subList(0, 1), changeLog().after(event.id(), 0, 1));
        assertEquals(all.subList(4, 5), changeLog().after(event.id(), 4, 5));
        assertEquals(List.of(), changeLog().after(event.id(), 5, 10));
        assertEquals(List.of(), changeLog().after(event.id(), 0, 0));
    }

    @Test
    void keepsEveryEventsChangesApart() {
        Event one = storedEventOfItsOwn();
        Event other = storedEventOfItsOwn();
        List<Change> ofOne = appended(one, 1, 2);
        List<Change> ofOther = appended(other, 1, 2, 3);

        assertEquals(ofOne, changeLog().after(one.id(), 0, 10));
        assertEquals(ofOther, changeLog().after(other.id(), 0, 10));
        assertEquals(List.of(), changeLog().after(EventId.random(), 0, 10));
        assertEquals(List.of(), changeLog().after(storedEventOfItsOwn().id(), 0, 10));
    }

    @Test
    void refusesASecondChangeWithTheSameSeqInOneEvent() {
        Event event = storedEventOfItsOwn();
        Change first = change(event, 1);
        changeLog().append(first);
        Change again = new Change(event.id(), 1, EntityType.MEMBER, event.createdBy().toString(), ChangeOp.CREATED, 1,
                event.createdBy(), T0);

        assertThrows(IllegalStateException.class, () -> changeLog().append(again));

        assertEquals(List.of(first), changeLog().after(event.id(), 0, 10));
    }

    @Test
    void theSameSeqInAnotherEventIsFine() {
        Event one = storedEventOfItsOwn();
        Event other = storedEventOfItsOwn();
        changeLog().append(change(one, 1));
        changeLog().append(change(other, 1));
        assertEquals(List.of(change(other, 1)), changeLog().after(other.id(), 0, 10));
    }

    @Test
    void removingAnEventRemovesItsChangesOnly() {
        Event removed = storedEventOfItsOwn();
        Event kept = storedEventOfItsOwn();
        appended(removed, 1, 2);
        List<Change> keptChanges = appended(kept, 1);

        events().remove(removed.id());

        assertEquals(List.of(), changeLog().after(removed.id(), 0, 10));
        assertEquals(keptChanges, changeLog().after(kept.id(), 0, 10));
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event event = storedEventOfItsOwn();
        List<Change> kept = appended(event, 1);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            changeLog().append(change(event, 2));
            changeLog().append(change(event, 3));
            throw new IllegalStateException("the work fails");
        }));

        assertEquals(kept, changeLog().after(event.id(), 0, 10));
    }
}
