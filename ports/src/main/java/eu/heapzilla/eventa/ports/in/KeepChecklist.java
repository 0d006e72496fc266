package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.domain.timeline.Timeline;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The members of an event keep its checklist: tasks with due dates and assignees, ticked off
 * when done, and the timeline of what is overdue and what is next. Every member reads; editors
 * and owners write. Versions, not-found and permissions work as in {@link ManageGuests}.
 */
public interface KeepChecklist {

    List<Task> tasks(UserId viewer, EventId event, TaskFilter filter);

    Task task(UserId viewer, EventId event, TaskId task);

    /**
     * @throws eu.heapzilla.eventa.domain.error.InvalidValue {@code assignee_id} when the assignee is not a member
     * @throws eu.heapzilla.eventa.domain.error.Conflict {@code limit_reached} at {@link Task#MAX_PER_EVENT}
     */
    Task addTask(UserId editor, EventId event, TaskDetails details);

    Task editTask(UserId editor, EventId event, TaskId task, long basedOn, TaskDetails.Edit edit);

    /** Marks the task done (by {@code editor}, now) or not done. */
    Task complete(UserId editor, EventId event, TaskId task, long basedOn, boolean done);

    void deleteTask(UserId editor, EventId event, TaskId task, long basedOn);

    /**
     * The event's tasks bucketed by when they are due, as seen on {@code today} in {@code zone}.
     *
     * @param zone  the viewer's time zone; empty for the event's
     * @param today the day to see it from; empty for the current date in {@code zone}
     */
    Timeline timeline(UserId viewer, EventId event, Optional<ZoneId> zone, Optional<LocalDate> today);
}
