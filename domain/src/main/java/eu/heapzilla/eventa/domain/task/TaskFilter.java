package eu.heapzilla.eventa.domain.task;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tasks of a checklist to list: assigned to someone, done or not, due before a day
 * (strictly before; undated tasks are never "due before"). Empty fields do not filter.
 */
public record TaskFilter(Optional<UserId> assignee, Optional<Boolean> done, Optional<LocalDate> dueBefore) {

    public TaskFilter {
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(dueBefore, "dueBefore");
    }

    public static TaskFilter all() {
        return new TaskFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TaskFilter assignedTo(UserId user) {
        return new TaskFilter(Optional.of(user), done, dueBefore);
    }

    public TaskFilter done(boolean value) {
        return new TaskFilter(assignee, Optional.of(value), dueBefore);
    }

    public TaskFilter dueBefore(LocalDate day) {
        return new TaskFilter(assignee, done, Optional.of(day));
    }

    public boolean matches(Task task) {
        return assignee.map(user -> task.details().assignee().equals(Optional.of(user))).orElse(true)
                && done.map(value -> task.isDone() == value).orElse(true)
                && dueBefore.map(day -> task.details().dueOn().filter(due -> due.isBefore(day)).isPresent()).orElse(true);
    }
}
