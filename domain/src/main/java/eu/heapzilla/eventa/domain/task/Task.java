package eu.heapzilla.eventa.domain.task;

import eu.heapzilla.eventa.domain.edit.Revised;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One item of an event's checklist; done once someone marks it so. */
public record Task(TaskId id, EventId event, TaskDetails details, Optional<Completion> done, Revision revision)
        implements Revised {

    /** How many tasks one event may have. */
    public static final int MAX_PER_EVENT = 2_000;

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(revision, "revision");
    }

    public static Task create(TaskId id, EventId event, TaskDetails details, UserId author, Instant now) {
        return new Task(id, event, details, Optional.empty(), Revision.first(author, now));
    }

    public boolean isDone() {
        return done.isPresent();
    }

    /**
     * This task with {@code edit} applied, one version on; the same task when nothing changes.
     *
     * @throws eu.heapzilla.eventa.domain.edit.VersionConflict when {@code basedOn} is not the current version
     */
    public Task edited(long basedOn, TaskDetails.Edit edit, UserId editor, Instant now) {
        requireVersion(basedOn);
        TaskDetails changed = details.edited(edit);
        return changed.equals(details) ? this : new Task(id, event, changed, done, revision.next(editor, now));
    }

    /**
     * This task marked done (by {@code actor}, now) or not done, one version on; the same task
     * when it already is — marking a done task done keeps who did it first.
     *
     * @throws eu.heapzilla.eventa.domain.edit.VersionConflict when {@code basedOn} is not the current version
     */
    public Task completed(long basedOn, boolean isDone, UserId actor, Instant now) {
        requireVersion(basedOn);
        if (isDone == isDone()) {
            return this;
        }
        Optional<Completion> completion = isDone ? Optional.of(new Completion(now, actor)) : Optional.empty();
        return new Task(id, event, details, completion, revision.next(actor, now));
    }

    /** This task without an assignee, one version on: its assignee left the event. */
    public Task unassigned(UserId actor, Instant now) {
        if (details.assignee().isEmpty()) {
            return this;
        }
        TaskDetails changed = details.edited(TaskDetails.Edit.none().withAssignee(Optional.empty()));
        return new Task(id, event, changed, done, revision.next(actor, now));
    }
}
