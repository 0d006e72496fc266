package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import java.util.List;
import java.util.Optional;

/** Each event's checklist. A task is found only through its own event. */
public interface Tasks {

    /** @throws IllegalStateException when a task with that id exists */
    void add(Task task);

    /** The task, when it belongs to {@code event}. */
    Optional<Task> byId(EventId event, TaskId id);

    /**
     * The event's tasks that match {@code filter}: dated ones first by due date, then undated
     * ones; ties by creation time, then id.
     */
    List<Task> ofEvent(EventId event, TaskFilter filter);

    int count(EventId event);

    /**
     * Stores the details, completion and revision of an existing task.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when it does not exist in its event
     */
    void update(Task task);

    /** Removes the task; returns whether there was one. */
    boolean remove(EventId event, TaskId id);
}
