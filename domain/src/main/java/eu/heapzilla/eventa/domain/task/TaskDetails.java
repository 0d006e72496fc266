package eu.heapzilla.eventa.domain.task;

import eu.heapzilla.eventa.domain.edit.Patch;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.text.TextRules;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a task is: a title, notes, the day it is due (a date in the event's calendar, not an
 * instant) and who has taken it on. Whether the assignee is a member of the event is checked
 * where memberships are known, by the service that stores the task.
 */
public record TaskDetails(String title, Optional<String> notes, Optional<LocalDate> dueOn, Optional<UserId> assignee) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_NOTES = 10_000;
    public static final LocalDate EARLIEST_DUE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DUE = LocalDate.of(2999, 12, 31);

    public TaskDetails {
        title = TextRules.line("title", title, MAX_TITLE);
        notes = TextRules.optionalText("notes", Objects.requireNonNull(notes, "notes").orElse(null), MAX_NOTES);
        Objects.requireNonNull(dueOn, "dueOn").ifPresent(TaskDetails::dueOn);
        Objects.requireNonNull(assignee, "assignee");
    }

    public static TaskDetails titled(String title) {
        return new TaskDetails(title, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A due date within the years a calendar of plans can mean. */
    public static LocalDate dueOn(LocalDate date) {
        if (date.isBefore(EARLIEST_DUE) || date.isAfter(LATEST_DUE)) {
            throw new InvalidValue("due_on", "due_on must be between " + EARLIEST_DUE + " and " + LATEST_DUE);
        }
        return date;
    }

    public TaskDetails edited(Edit edit) {
        return new TaskDetails(edit.title().applyTo(title), edit.notes().applyTo(notes), edit.dueOn().applyTo(dueOn),
                edit.assignee().applyTo(assignee));
    }

    /** A partial change: each field kept or set; clearable fields set to empty clear. */
    public record Edit(Patch<String> title, Patch<Optional<String>> notes, Patch<Optional<LocalDate>> dueOn,
                       Patch<Optional<UserId>> assignee) {

        public Edit {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(notes, "notes");
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(assignee, "assignee");
        }

        public static Edit none() {
            return new Edit(Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep());
        }

        public Edit withTitle(String value) {
            return new Edit(Patch.set(value), notes, dueOn, assignee);
        }

        public Edit withNotes(Optional<String> value) {
            return new Edit(title, Patch.set(value), dueOn, assignee);
        }

        public Edit withDueOn(Optional<LocalDate> value) {
            return new Edit(title, notes, Patch.set(value), assignee);
        }

        public Edit withAssignee(Optional<UserId> value) {
            return new Edit(title, notes, dueOn, Patch.set(value));
        }
    }
}
