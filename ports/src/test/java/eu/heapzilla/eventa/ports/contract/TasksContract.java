package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.firstRevision;
import static eu.heapzilla.eventa.ports.contract.Fixtures.fullTaskDetails;
import static eu.heapzilla.eventa.ports.contract.Fixtures.laterRevision;
import static eu.heapzilla.eventa.ports.contract.Fixtures.longestLine;
import static eu.heapzilla.eventa.ports.contract.Fixtures.longestText;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uuidStartingWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Completion;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Tasks;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Tasks} implementation must do: among other things, an assignee is a member
 * of the task's event, and lists come dated first by due date, undated last.
 */
public abstract class TasksContract {

    private static final LocalDate JAN_5 = LocalDate.of(2027, 1, 5);
    private static final LocalDate JAN_10 = LocalDate.of(2027, 1, 10);
    private static final LocalDate JAN_19 = LocalDate.of(2027, 1, 19);
    private static final LocalDate JAN_20 = LocalDate.of(2027, 1, 20);
    private static final LocalDate JAN_21 = LocalDate.of(2027, 1, 21);

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract Memberships memberships();

    protected abstract Tasks tasks();

    private User storedUser() {
        return users().addOrGet(newUser());
    }

    private Event storedEvent() {
        return Fixtures.storedEvent(users(), events());
    }

    private UserId storedMember(Event event) {
        User user = storedUser();
        memberships().add(Membership.join(event.id(), user.id(), Role.EDITOR, T0));
        return user.id();
    }

    private Task stored(Event event, TaskId id, Optional<LocalDate> dueOn, Optional<UserId> assignee, boolean done,
                        long secondsAfterT0) {
        TaskDetails details = new TaskDetails("Task " + id, Optional.empty(), dueOn, assignee);
        Optional<Completion> completion = done
                ? Optional.of(new Completion(T0.plusSeconds(secondsAfterT0 + 1), event.createdBy()))
                : Optional.empty();
        Task task = new Task(id, event.id(), details, completion, firstRevision(event.createdBy(), secondsAfterT0));
        tasks().add(task);
        return task;
    }

    private Task stored(Event event, LocalDate dueOn, long secondsAfterT0) {
        return stored(event, TaskId.random(), Optional.of(dueOn), Optional.empty(), false, secondsAfterT0);
    }

    private Task undated(Event event, TaskId id, long secondsAfterT0) {
        return stored(event, id, Optional.empty(), Optional.empty(), false, secondsAfterT0);
    }

    private Task stored(Event event) {
        return undated(event, TaskId.random(), 0);
    }

    private Task newTask(Event event, Optional<UserId> assignee) {
        return Task.create(TaskId.random(), event.id(), new TaskDetails("Order the cake", Optional.empty(),
                Optional.empty(), assignee), event.createdBy(), T0);
    }

    @Test
    void storesADoneTaskWithEveryFieldSetAndReadsItBack() {
        Event event = storedEvent();
        Task task = new Task(TaskId.random(), event.id(), fullTaskDetails(storedMember(event)),
                Optional.of(new Completion(T0.plusSeconds(7_200).plusMillis(125), storedUser().id())),
                laterRevision(9, event.createdBy(), storedUser().id()));

        tasks().add(task);

        assertEquals(Optional.of(task), tasks().byId(event.id(), task.id()));
    }

    @Test
    void storesATaskWithOnlyATitleAndReadsItBack() {
        Event event = storedEvent();
        Task task = stored(event);

        Task read = tasks().byId(event.id(), task.id()).orElseThrow();

        assertEquals(task, read);
        assertTrue(read.details().notes().isEmpty());
        assertTrue(read.details().dueOn().isEmpty());
        assertTrue(read.details().assignee().isEmpty());
        assertTrue(read.done().isEmpty());
    }

    @Test
    void storesTheLongestTextsAndTheEarliestAndLatestDueDates() {
        Event event = storedEvent();
        UserId member = storedMember(event);
        for (LocalDate due : List.of(TaskDetails.EARLIEST_DUE, TaskDetails.LATEST_DUE)) {
            TaskDetails longest = new TaskDetails(longestLine(TaskDetails.MAX_TITLE),
                    Optional.of(longestText(TaskDetails.MAX_NOTES)), Optional.of(due), Optional.of(member));
            Task task = Task.create(TaskId.random(), event.id(), longest, event.createdBy(), T0);
            tasks().add(task);
            assertEquals(Optional.of(task), tasks().byId(event.id(), task.id()));
        }
    }

    @Test
    void findsATaskOnlyThroughItsOwnEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        Task task = stored(event);

        assertTrue(tasks().byId(other.id(), task.id()).isEmpty());
        assertTrue(tasks().byId(EventId.random(), task.id()).isEmpty());
        assertTrue(tasks().byId(event.id(), TaskId.random()).isEmpty());
        assertEquals(List.of(), tasks().ofEvent(other.id(), TaskFilter.all()));
        assertEquals(0, tasks().count(other.id()));
    }

    @Test
    void refusesASecondTaskWithTheSameIdAndLeavesTheTransactionUsable() {
        Event event = storedEvent();
        Event other = storedEvent();
        Task first = stored(event);
        Task twinHere = new Task(first.id(), event.id(), TaskDetails.titled("Twin"), Optional.empty(),
                firstRevision(event.createdBy(), 5));
        Task twinThere = new Task(first.id(), other.id(), TaskDetails.titled("Twin"), Optional.empty(),
                firstRevision(other.createdBy(), 5));
        Task next = newTask(event, Optional.empty());

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> tasks().add(twinHere));
            assertThrows(IllegalStateException.class, () -> tasks().add(twinThere));
            tasks().add(next);
        });

        assertEquals(Optional.of(first), tasks().byId(event.id(), first.id()));
        assertTrue(tasks().byId(other.id(), first.id()).isEmpty());
        assertEquals(Optional.of(next), tasks().byId(event.id(), next.id()));
    }

    @Test
    void refusesATaskOfAnUnknownEventOrAssignedToSomeoneWhoIsNotAMemberOfIt() {
        Event event = storedEvent();
        Event other = storedEvent();
        UserId memberElsewhere = storedMember(other);
        Task ofNoEvent = Task.create(TaskId.random(), EventId.random(), TaskDetails.titled("Lost"), event.createdBy(), T0);
        Task toAStranger = newTask(event, Optional.of(storedUser().id()));
        Task toAnUnknownUser = newTask(event, Optional.of(UserId.random()));
        Task toAMemberOfAnotherEvent = newTask(event, Optional.of(memberElsewhere));
        Task toAMember = newTask(event, Optional.of(storedMember(event)));

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> tasks().add(ofNoEvent));
            assertThrows(IllegalStateException.class, () -> tasks().add(toAStranger));
            assertThrows(IllegalStateException.class, () -> tasks().add(toAnUnknownUser));
            assertThrows(IllegalStateException.class, () -> tasks().add(toAMemberOfAnotherEvent));
            tasks().add(toAMember);
        });

        assertTrue(tasks().byId(ofNoEvent.event(), ofNoEvent.id()).isEmpty());
        assertEquals(List.of(toAMember), tasks().ofEvent(event.id(), TaskFilter.all()));
    }

    @Test
    void refusesToAssignATaskToSomeoneWhoIsNotAMemberOnUpdate() {
        Event event = storedEvent();
        Event other = storedEvent();
        UserId member = storedMember(event);
        UserId memberElsewhere = storedMember(other);
        Task task = stored(event);
        Revision next = task.revision().next(event.createdBy(), T0.plusSeconds(1));
        Task assigned = new Task(task.id(), event.id(), fullTaskDetails(member), Optional.empty(), next);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> tasks().update(
                    new Task(task.id(), event.id(), fullTaskDetails(memberElsewhere), Optional.empty(), next)));
            assertThrows(IllegalStateException.class, () -> tasks().update(
                    new Task(task.id(), event.id(), fullTaskDetails(storedUser().id()), Optional.empty(), next)));
            assertEquals(Optional.of(task), tasks().byId(event.id(), task.id()));
            tasks().update(assigned);
        });

        assertEquals(Optional.of(assigned), tasks().byId(event.id(), task.id()));
    }

    @Test
    void unassigningAMembersTasksLetsTheMemberLeave() {
        Event event = storedEvent();
        UserId member = storedMember(event);
        Task task = new Task(TaskId.random(), event.id(), fullTaskDetails(member), Optional.empty(),
                firstRevision(event.createdBy(), 0));
        tasks().add(task);
        Task unassigned = task.unassigned(event.createdBy(), T0.plusSeconds(1));

        transactions().run(() -> {
            tasks().update(unassigned);
            assertTrue(memberships().remove(event.id(), member));
        });

        assertEquals(Optional.of(unassigned), tasks().byId(event.id(), task.id()));
        assertTrue(memberships().of(event.id(), member).isEmpty());
    }

    @Test
    void storesAndClearsTheCompletion() {
        Event event = storedEvent();
        User doer = storedUser();
        Task task = stored(event);
        Task done = task.completed(1, true, doer.id(), T0.plusSeconds(30));
        Task undone = done.completed(2, false, event.createdBy(), T0.plusSeconds(60));

        tasks().update(done);
        assertEquals(Optional.of(done), tasks().byId(event.id(), task.id()));
        assertEquals(Optional.of(new Completion(T0.plusSeconds(30), doer.id())),
                tasks().byId(event.id(), task.id()).orElseThrow().done());

        tasks().update(undone);
        assertEquals(Optional.of(undone), tasks().byId(event.id(), task.id()));
        assertEquals(3, tasks().byId(event.id(), task.id()).orElseThrow().version());
    }

    @Test
    void updatesDetailsCompletionAndRevisionButNotTheCreation() {
        Event event = storedEvent();
        UserId member = storedMember(event);
        User editor = storedUser();
        Task task = stored(event);
        Revision claimed = new Revision(6, T0.plusSeconds(999), storedUser().id(), T0.plusSeconds(60), editor.id());
        Completion completion = new Completion(T0.plusSeconds(50), editor.id());

        tasks().update(new Task(task.id(), event.id(), fullTaskDetails(member), Optional.of(completion), claimed));

        Task read = tasks().byId(event.id(), task.id()).orElseThrow();
        assertEquals(fullTaskDetails(member), read.details());
        assertEquals(Optional.of(completion), read.done());
        assertEquals(new Revision(6, task.revision().createdAt(), task.revision().createdBy(), T0.plusSeconds(60),
                editor.id()), read.revision());
    }

    @Test
    void anUpdateClearsTheFieldsItLeavesEmpty() {
        Event event = storedEvent();
        Task task = new Task(TaskId.random(), event.id(), fullTaskDetails(storedMember(event)),
                Optional.of(new Completion(T0, event.createdBy())), firstRevision(event.createdBy(), 0));
        tasks().add(task);
        Task cleared = new Task(task.id(), event.id(), TaskDetails.titled("Just a title"), Optional.empty(),
                task.revision().next(event.createdBy(), T0.plusSeconds(1)));

        tasks().update(cleared);

        assertEquals(Optional.of(cleared), tasks().byId(event.id(), task.id()));
    }

    @Test
    void cannotUpdateATaskThroughAnotherEventOrOneThatDoesNotExist() {
        Event event = storedEvent();
        Event other = storedEvent();
        Task task = stored(event);
        Revision next = task.revision().next(event.createdBy(), T0.plusSeconds(1));

        assertThrows(NotFound.class, () -> tasks().update(
                new Task(task.id(), other.id(), TaskDetails.titled("Hijacked"), Optional.empty(), next)));
        assertThrows(NotFound.class, () -> tasks().update(
                new Task(TaskId.random(), event.id(), TaskDetails.titled("Nobody"), Optional.empty(), next)));

        assertEquals(List.of(task), tasks().ofEvent(event.id(), TaskFilter.all()));
        assertEquals(List.of(), tasks().ofEvent(other.id(), TaskFilter.all()));
    }

    @Test
    void listsDatedTasksFirstByDueDateThenUndatedOnesThenByCreationThenById() {
        Event event = storedEvent();
        Task later = stored(event, JAN_20, 1);
        Task sameDayLate = stored(event, JAN_10, 20);
        Task undatedTiedHigh = undated(event, new TaskId(uuidStartingWith('f')), 3);
        Task sameDayTiedHigh = stored(event, new TaskId(uuidStartingWith('f')), Optional.of(JAN_10), Optional.empty(),
                false, 7);
        Task undatedEarly = undated(event, TaskId.random(), 0);
        Task sameDayEarly = stored(event, JAN_10, 5);
        Task sameDayTiedLow = stored(event, new TaskId(uuidStartingWith('1')), Optional.of(JAN_10), Optional.empty(),
                true, 7);
        Task undatedTiedLow = undated(event, new TaskId(uuidStartingWith('1')), 3);
        Task earliest = stored(event, JAN_5, 30);
        stored(storedEvent(), JAN_5, 0);

        assertEquals(List.of(earliest, sameDayEarly, sameDayTiedLow, sameDayTiedHigh, sameDayLate, later, undatedEarly,
                undatedTiedLow, undatedTiedHigh), tasks().ofEvent(event.id(), TaskFilter.all()));
    }

    /** Six tasks of one event and one elsewhere, for the filter tests; see {@link Checklist}. */
    private Checklist checklist() {
        Event event = storedEvent();
        UserId ann = storedMember(event);
        UserId bob = storedMember(event);
        Task annJan10 = stored(event, TaskId.random(), Optional.of(JAN_10), Optional.of(ann), false, 1);
        Task annJan20Done = stored(event, TaskId.random(), Optional.of(JAN_20), Optional.of(ann), true, 2);
        Task bobJan5Done = stored(event, TaskId.random(), Optional.of(JAN_5), Optional.of(bob), true, 3);
        Task nobodyUndated = stored(event, TaskId.random(), Optional.empty(), Optional.empty(), false, 4);
        Task annUndatedDone = stored(event, TaskId.random(), Optional.empty(), Optional.of(ann), true, 5);
        Task nobodyJan19 = stored(event, TaskId.random(), Optional.of(JAN_19), Optional.empty(), false, 6);
        Event other = storedEvent();
        memberships().add(Membership.join(other.id(), ann, Role.EDITOR, T0));
        stored(other, TaskId.random(), Optional.of(JAN_5), Optional.of(ann), true, 0);
        return new Checklist(event, ann, bob, annJan10, annJan20Done, bobJan5Done, nobodyUndated, annUndatedDone,
                nobodyJan19);
    }

    private record Checklist(Event event, UserId ann, UserId bob, Task annJan10, Task annJan20Done, Task bobJan5Done,
                             Task nobodyUndated, Task annUndatedDone, Task nobodyJan19) {
    }

    private List<Task> list(Checklist c, TaskFilter filter) {
        return tasks().ofEvent(c.event().id(), filter);
    }

    @Test
    void listsEveryTaskOfTheEventWithoutAFilter() {
        Checklist c = checklist();
        assertEquals(List.of(c.bobJan5Done(), c.annJan10(), c.nobodyJan19(), c.annJan20Done(), c.nobodyUndated(),
                c.annUndatedDone()), list(c, TaskFilter.all()));
    }

    @Test
    void filtersByAssignee() {
        Checklist c = checklist();
        assertEquals(List.of(c.annJan10(), c.annJan20Done(), c.annUndatedDone()),
                list(c, TaskFilter.all().assignedTo(c.ann())));
        assertEquals(List.of(c.bobJan5Done()), list(c, TaskFilter.all().assignedTo(c.bob())));
        assertEquals(List.of(), list(c, TaskFilter.all().assignedTo(c.event().createdBy())));
    }

    @Test
    void filtersByDoneOrNot() {
        Checklist c = checklist();
        assertEquals(List.of(c.bobJan5Done(), c.annJan20Done(), c.annUndatedDone()), list(c, TaskFilter.all().done(true)));
        assertEquals(List.of(c.annJan10(), c.nobodyJan19(), c.nobodyUndated()), list(c, TaskFilter.all().done(false)));
    }

    @Test
    void filtersByDueStrictlyBeforeADayAndNeverListsUndatedTasksThen() {
        Checklist c = checklist();
        assertEquals(List.of(c.bobJan5Done(), c.annJan10(), c.nobodyJan19()), list(c, TaskFilter.all().dueBefore(JAN_20)),
                "a task due on the day itself is not due before it");
        assertEquals(List.of(c.bobJan5Done(), c.annJan10(), c.nobodyJan19(), c.annJan20Done()),
                list(c, TaskFilter.all().dueBefore(JAN_21)));
        assertEquals(List.of(), list(c, TaskFilter.all().dueBefore(JAN_5)));
        assertEquals(List.of(c.bobJan5Done(), c.annJan10(), c.nobodyJan19(), c.annJan20Done()),
                list(c, TaskFilter.all().dueBefore(TaskDetails.LATEST_DUE)));
    }

    @Test
    void combinesFilters() {
        Checklist c = checklist();
        assertEquals(List.of(c.annJan10()), list(c, TaskFilter.all().assignedTo(c.ann()).done(false)));
        assertEquals(List.of(c.annJan20Done(), c.annUndatedDone()), list(c, TaskFilter.all().assignedTo(c.ann()).done(true)));
        assertEquals(List.of(c.annJan10()), list(c, TaskFilter.all().assignedTo(c.ann()).dueBefore(JAN_20)));
        assertEquals(List.of(c.bobJan5Done()), list(c, TaskFilter.all().done(true).dueBefore(JAN_20)));
        assertEquals(List.of(c.annJan10(), c.nobodyJan19()), list(c, TaskFilter.all().done(false).dueBefore(JAN_21)));
        assertEquals(List.of(c.annJan20Done()), list(c, TaskFilter.all().assignedTo(c.ann()).done(true).dueBefore(JAN_21)));
        assertEquals(List.of(), list(c, TaskFilter.all().assignedTo(c.ann()).done(true).dueBefore(JAN_20)));
        assertEquals(List.of(), list(c, TaskFilter.all().assignedTo(c.bob()).done(false)));
    }

    @Test
    void countsTheTasksOfOneEvent() {
        Event event = storedEvent();
        Event other = storedEvent();
        stored(event);
        stored(event, JAN_5, 1);
        stored(event, JAN_10, 2);
        stored(other);

        assertEquals(3, tasks().count(event.id()));
        assertEquals(1, tasks().count(other.id()));
    }

    @Test
    void removesATaskOnlyThroughItsOwnEventAndSaysWhetherThereWasOne() {
        Event event = storedEvent();
        Event other = storedEvent();
        Task removed = stored(event);
        Task kept = stored(event, JAN_5, 1);

        assertFalse(tasks().remove(other.id(), removed.id()));
        assertEquals(Optional.of(removed), tasks().byId(event.id(), removed.id()));

        assertTrue(tasks().remove(event.id(), removed.id()));
        assertFalse(tasks().remove(event.id(), removed.id()));
        assertFalse(tasks().remove(event.id(), TaskId.random()));

        assertEquals(List.of(kept), tasks().ofEvent(event.id(), TaskFilter.all()));
    }

    @Test
    void removingAnEventRemovesItsTasksAssignedOrNotAndItsMembersOnly() {
        Event removed = storedEvent();
        Event kept = storedEvent();
        UserId member = storedMember(removed);
        memberships().add(Membership.join(kept.id(), member, Role.EDITOR, T0));
        Task assigned = stored(removed, TaskId.random(), Optional.of(JAN_5), Optional.of(member), true, 0);
        stored(removed);
        Task stays = stored(kept, TaskId.random(), Optional.of(JAN_5), Optional.of(member), false, 0);

        events().remove(removed.id());

        assertTrue(events().byId(removed.id()).isEmpty());
        assertEquals(List.of(), tasks().ofEvent(removed.id(), TaskFilter.all()));
        assertEquals(0, tasks().count(removed.id()));
        assertTrue(tasks().byId(removed.id(), assigned.id()).isEmpty());
        assertTrue(memberships().of(removed.id(), member).isEmpty());
        assertEquals(List.of(stays), tasks().ofEvent(kept.id(), TaskFilter.all()));
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event event = storedEvent();
        Task kept = stored(event);
        Task removed = stored(event, JAN_5, 1);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            tasks().add(newTask(event, Optional.of(storedMember(event))));
            tasks().update(kept.completed(1, true, event.createdBy(), T0.plusSeconds(9)));
            tasks().remove(event.id(), removed.id());
            throw new IllegalStateException("the work fails");
        }));

        assertEquals(List.of(removed, kept), tasks().ofEvent(event.id(), TaskFilter.all()));
    }
}
