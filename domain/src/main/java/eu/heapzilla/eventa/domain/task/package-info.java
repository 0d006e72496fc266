/**
 * The checklist: {@link eu.heapzilla.eventa.domain.task.Task tasks} with a due date (a day,
 * not an instant), an assignee who is a member of the event, and a
 * {@link eu.heapzilla.eventa.domain.task.Completion} once done.
 */
package eu.heapzilla.eventa.domain.task;
