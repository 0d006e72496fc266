package eu.heapzilla.eventa.domain.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final UserId ALEX = new UserId(UUID.randomUUID());
    private static final UserId GERDA = new UserId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Task florist() {
        return Task.create(TaskId.random(), EventId.random(), TaskDetails.titled("Book the florist"), ALEX, NOW);
    }

    @Test
    void completingRecordsWhoAndWhenAndUndoingForgetsIt() {
        Task done = florist().completed(1, true, GERDA, NOW.plusSeconds(60));
        assertTrue(done.isDone());
        assertEquals(new Completion(NOW.plusSeconds(60), GERDA), done.done().orElseThrow());
        assertEquals(2, done.version());
        Task undone = done.completed(2, false, ALEX, NOW.plusSeconds(120));
        assertFalse(undone.isDone());
        assertEquals(3, undone.version());
    }

    @Test
    void markingADoneTaskDoneAgainChangesNothing() {
        Task done = florist().completed(1, true, GERDA, NOW);
        assertSame(done, done.completed(2, true, ALEX, NOW.plusSeconds(5)));
        assertThrows(VersionConflict.class, () -> done.completed(1, false, ALEX, NOW));
    }

    @Test
    void unassigningIsANewVersionOnlyWhenThereWasAnAssignee() {
        Task assigned = florist().edited(1, TaskDetails.Edit.none().withAssignee(Optional.of(GERDA)), ALEX, NOW);
        Task unassigned = assigned.unassigned(ALEX, NOW.plusSeconds(1));
        assertTrue(unassigned.details().assignee().isEmpty());
        assertEquals(3, unassigned.version());
        assertSame(unassigned, unassigned.unassigned(ALEX, NOW));
    }

    @Test
    void aDueDateIsADayWithinTheCalendarsOfPlans() {
        assertEquals("due_on", assertThrows(InvalidValue.class,
                () -> TaskDetails.dueOn(LocalDate.of(3000, 1, 1))).info().get("field"));
        assertEquals(LocalDate.of(2027, 6, 12), TaskDetails.dueOn(LocalDate.of(2027, 6, 12)));
    }

    @Test
    void theFilterMatchesAssigneeDoneAndStrictlyEarlierDueDates() {
        Task task = florist().edited(1, TaskDetails.Edit.none().withAssignee(Optional.of(GERDA))
                .withDueOn(Optional.of(LocalDate.of(2027, 1, 31))), ALEX, NOW);
        assertTrue(TaskFilter.all().matches(task));
        assertTrue(TaskFilter.all().assignedTo(GERDA).done(false).dueBefore(LocalDate.of(2027, 2, 1)).matches(task));
        assertFalse(TaskFilter.all().dueBefore(LocalDate.of(2027, 1, 31)).matches(task));
        assertFalse(TaskFilter.all().assignedTo(ALEX).matches(task));
        assertFalse(TaskFilter.all().done(true).matches(task));
        assertFalse(TaskFilter.all().dueBefore(LocalDate.of(2999, 1, 1)).matches(florist()), "undated is never due before");
    }
}
