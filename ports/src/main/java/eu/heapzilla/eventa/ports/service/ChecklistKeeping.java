package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Action;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.domain.timeline.Timeline;
import eu.heapzilla.eventa.ports.in.KeepChecklist;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Tasks;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

final class ChecklistKeeping implements KeepChecklist {

    private final Clock clock;
    private final Events events;
    private final Memberships memberships;
    private final Tasks tasks;
    private final EventReads reads;
    private final EventWrites writes;

    ChecklistKeeping(Clock clock, Events events, Memberships memberships, Tasks tasks,
                     EventReads reads, EventWrites writes) {
        this.clock = clock;
        this.events = events;
        this.memberships = memberships;
        this.tasks = tasks;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public List<Task> tasks(UserId viewer, EventId event, TaskFilter filter) {
        return reads.asMember(viewer, event, () -> tasks.ofEvent(event, filter));
    }

    @Override
    public Task task(UserId viewer, EventId event, TaskId task) {
        return reads.asMember(viewer, event, () -> existing(event, task));
    }

    @Override
    public Task addTask(UserId editor, EventId event, TaskDetails details) {
        return writes.write(editor, event, Action.WRITE, write -> {
            requireAssignable(event, details);
            if (tasks.count(event) >= Task.MAX_PER_EVENT) {
                throw Conflict.limitReached("tasks", Task.MAX_PER_EVENT);
            }
            Task added = Task.create(TaskId.random(), event, details, editor, write.now());
            tasks.add(added);
            write.changed(EntityType.TASK, added.id().toString(), ChangeOp.CREATED, added.version());
            added.details().assignee().ifPresent(assignee -> write.tell(assigned(assignee, added)));
            return added;
        });
    }

    @Override
    public Task editTask(UserId editor, EventId event, TaskId task, long basedOn, TaskDetails.Edit edit) {
        return writes.write(editor, event, Action.WRITE, write -> {
            Task before = existing(event, task);
            Task after = before.edited(basedOn, edit, editor, write.now());
            if (after != before) {
                requireAssignable(event, after.details());
            }
            return store(write, before, after);
        });
    }

    @Override
    public Task complete(UserId editor, EventId event, TaskId task, long basedOn, boolean done) {
        return writes.write(editor, event, Action.WRITE, write -> {
            Task before = existing(event, task);
            return store(write, before, before.completed(basedOn, done, editor, write.now()));
        });
    }

    @Override
    public void deleteTask(UserId editor, EventId event, TaskId task, long basedOn) {
        writes.write(editor, event, Action.WRITE, write -> {
            Task doomed = existing(event, task);
            doomed.requireVersion(basedOn);
            tasks.remove(event, task);
            write.changed(EntityType.TASK, task.toString(), ChangeOp.DELETED, doomed.version() + 1);
            return null;
        });
    }

    @Override
    public Timeline timeline(UserId viewer, EventId event, Optional<ZoneId> zone, Optional<LocalDate> today) {
        return reads.asMember(viewer, event, () -> {
            Event planned = events.byId(event).orElseThrow(() -> new NotFound("event"));
            ZoneId seenFrom = zone.orElse(planned.brief().timezone());
            LocalDate day = today.orElseGet(() -> Timeline.today(clock.now(), seenFrom));
            return Timeline.arrange(tasks.ofEvent(event, TaskFilter.all()), day, seenFrom);
        });
    }

    private Task store(EventWrites.Write write, Task before, Task after) {
        if (after != before) {
            tasks.update(after);
            write.changed(EntityType.TASK, after.id().toString(), ChangeOp.UPDATED, after.version());
            Optional<UserId> assignee = after.details().assignee();
            if (assignee.isPresent() && !assignee.equals(before.details().assignee())) {
                write.tell(assigned(assignee.get(), after));
            }
            if (after.isDone() && !before.isDone()) {
                write.tell(Notice.everyoneElse(NotificationKind.TASK_DONE, EntityType.TASK, after.id().toString(),
                        after.details().title(), ""));
            }
        }
        return after;
    }

    private static Notice assigned(UserId assignee, Task task) {
        return Notice.to(assignee, NotificationKind.TASK_ASSIGNED, EntityType.TASK, task.id().toString(),
                task.details().title());
    }

    private void requireAssignable(EventId event, TaskDetails details) {
        Optional<UserId> assignee = details.assignee();
        if (assignee.isPresent() && memberships.of(event, assignee.get()).isEmpty()) {
            throw new InvalidValue("assignee_id", "assignee_id must be a member of this event");
        }
    }

    private Task existing(EventId event, TaskId task) {
        return tasks.byId(event, task).orElseThrow(() -> new NotFound("task"));
    }
}
