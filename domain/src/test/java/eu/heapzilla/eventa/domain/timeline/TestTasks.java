package eu.heapzilla.eventa.domain.timeline;

import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Completion;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Tasks with fixed ids, for timeline tests. */
final class TestTasks {

    static final EventId EVENT = new EventId(new UUID(0, 1));
    static final UserId JANE = new UserId(new UUID(0, 2));
    static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

    private TestTasks() {
    }

    static TaskId id(int n) {
        return new TaskId(new UUID(0x7a5cL, n));
    }

    /** A task not done; {@code dueOn} may be null for an undated one. */
    static Task open(int id, String title, LocalDate dueOn) {
        return open(id(id), title, dueOn);
    }

    static Task open(TaskId id, String title, LocalDate dueOn) {
        TaskDetails details = new TaskDetails(title, Optional.empty(), Optional.ofNullable(dueOn), Optional.empty());
        return new Task(id, EVENT, details, Optional.empty(), Revision.first(JANE, CREATED));
    }

    static Task done(int id, String title, LocalDate dueOn, Instant at) {
        Task open = open(id, title, dueOn);
        return new Task(open.id(), EVENT, open.details(), Optional.of(new Completion(at, JANE)), open.revision());
    }

    static List<String> titles(List<Task> tasks) {
        return tasks.stream().map(task -> task.details().title()).collect(Collectors.toList());
    }
}
