package eu.heapzilla.eventa.ports.service;

import static eu.heapzilla.eventa.ports.service.EventWorld.assertChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.timeline.Timeline;
import eu.heapzilla.eventa.domain.timeline.TimelineBucket;
import eu.heapzilla.eventa.ports.in.KeepChecklist;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecklistKeepingTest {

    private final EventWorld world = new EventWorld();
    private final KeepChecklist checklist = world.useCases.keepChecklist();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final UserId ed = world.join(olga, wedding, "Ed", Role.EDITOR);

    private Task task(String title, Optional<UserId> assignee) {
        return checklist.addTask(olga, wedding, new TaskDetails(title, Optional.empty(), Optional.empty(), assignee));
    }

    @Test
    void completingIsLoggedAsAnUpdateAndDoingItTwiceIsNot() {
        Task florist = task("Book the florist", Optional.empty());
        Task done = checklist.complete(ed, wedding, florist.id(), 1, true);
        assertEquals(ed, done.done().orElseThrow().by());
        assertChange(world.lastChange(wedding), world.log(wedding).size(), EntityType.TASK, florist.id().toString(),
                ChangeOp.UPDATED, 2, ed);
        int logged = world.log(wedding).size();
        assertEquals(done, checklist.complete(olga, wedding, florist.id(), 2, true));
        assertEquals(logged, world.log(wedding).size());
    }

    @Test
    void onlyMembersCanBeAssigned() {
        UserId stranger = world.user("Stranger");
        assertEquals("assignee_id", assertThrows(InvalidValue.class,
                () -> task("Cake", Optional.of(stranger))).info().get("field"));
        Task cake = task("Cake", Optional.of(ed));
        assertThrows(InvalidValue.class, () -> checklist.editTask(olga, wedding, cake.id(), 1,
                TaskDetails.Edit.none().withAssignee(Optional.of(stranger))));
        assertEquals(Optional.of(ed), checklist.task(olga, wedding, cake.id()).details().assignee());
    }

    @Test
    void aMemberWhoIsRemovedIsUnassignedInTheSameWriteAndEachTaskIsLogged() {
        Task band = task("Band", Optional.of(ed));
        Task cake = task("Cake", Optional.of(ed));
        Task rings = task("Rings", Optional.of(olga));
        int before = world.log(wedding).size();

        world.useCases.manageMembers().remove(olga, wedding, ed);

        assertTrue(checklist.task(olga, wedding, band.id()).details().assignee().isEmpty());
        assertTrue(checklist.task(olga, wedding, cake.id()).details().assignee().isEmpty());
        assertEquals(Optional.of(olga), checklist.task(olga, wedding, rings.id()).details().assignee());
        List<Change> written = world.log(wedding).subList(before, world.log(wedding).size());
        assertEquals(List.of(EntityType.TASK, EntityType.TASK, EntityType.MEMBER),
                written.stream().map(Change::entityType).toList());
        assertEquals(List.of(2L, 2L), written.subList(0, 2).stream().map(Change::version).toList());
        assertEquals(List.of(), checklist.tasks(olga, wedding, TaskFilter.all().assignedTo(ed)));
    }

    @Test
    void theTimelineIsSeenFromTheEventsTimeZoneUnlessTheViewerSaysOtherwise() {
        world.useCases.planEvents().edit(olga, wedding, 1,
                eu.heapzilla.eventa.domain.event.EventEdit.none().withTimezone(ZoneId.of("Pacific/Kiritimati")));
        world.adapters.clock.set(Instant.parse("2026-11-22T11:00:00Z"));
        Task due = checklist.addTask(olga, wedding, new TaskDetails("Florist", Optional.empty(),
                Optional.of(LocalDate.of(2026, 11, 22)), Optional.empty()));

        Timeline kiritimati = checklist.timeline(olga, wedding, Optional.empty(), Optional.empty());
        assertEquals(LocalDate.of(2026, 11, 23), kiritimati.today());
        assertEquals(List.of(due), kiritimati.buckets().get(TimelineBucket.OVERDUE));

        Timeline honolulu = checklist.timeline(olga, wedding, Optional.of(ZoneId.of("Pacific/Honolulu")), Optional.empty());
        assertEquals(LocalDate.of(2026, 11, 22), honolulu.today());
        assertEquals(List.of(due), honolulu.buckets().get(TimelineBucket.THIS_WEEK));

        Timeline asked = checklist.timeline(olga, wedding, Optional.empty(), Optional.of(LocalDate.of(2026, 11, 1)));
        assertEquals(List.of(due), asked.buckets().get(TimelineBucket.THIS_MONTH));
        assertThrows(NotFound.class, () -> checklist.timeline(world.user("Stranger"), wedding, Optional.empty(),
                Optional.empty()));
    }

    @Test
    void aTaskOfAnotherEventIsNotFound() {
        EventId other = world.plan(olga, "Another party");
        Task elsewhere = checklist.addTask(olga, other, TaskDetails.titled("Elsewhere"));
        assertThrows(NotFound.class, () -> checklist.task(olga, wedding, elsewhere.id()));
        assertThrows(NotFound.class, () -> checklist.complete(olga, wedding, elsewhere.id(), 1, true));
        assertThrows(NotFound.class, () -> checklist.deleteTask(olga, wedding, elsewhere.id(), 1));
        assertEquals(1, checklist.task(olga, other, elsewhere.id()).version());
    }
}
