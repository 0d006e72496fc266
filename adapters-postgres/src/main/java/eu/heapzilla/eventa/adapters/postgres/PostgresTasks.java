package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.GuardedWrites.insertIf;
import static eu.heapzilla.eventa.adapters.postgres.GuardedWrites.referencing;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.EVENTS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.EVENT_MEMBERSHIPS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.TASKS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.TasksRecord;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Completion;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.ports.out.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

final class PostgresTasks implements Tasks {

    private final JooqTransactions transactions;

    PostgresTasks(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Task task) {
        TaskDetails details = task.details();
        Revision revision = task.revision();
        TasksRecord row = new TasksRecord();
        row.setId(task.id().value());
        row.setEventId(task.event().value());
        row.setTitle(details.title());
        row.setNotes(details.notes().orElse(null));
        row.setDueOn(details.dueOn().orElse(null));
        row.setAssigneeId(details.assignee().map(UserId::value).orElse(null));
        row.setDoneAt(task.done().map(done -> toOffset(done.at())).orElse(null));
        row.setDoneBy(task.done().map(done -> done.by().value()).orElse(null));
        row.setVersion(revision.version());
        row.setCreatedAt(toOffset(revision.createdAt()));
        row.setCreatedBy(revision.createdBy().value());
        row.setUpdatedAt(toOffset(revision.updatedAt()));
        row.setUpdatedBy(revision.updatedBy().value());
        Condition eventExists = DSL.exists(DSL.selectOne().from(EVENTS).where(EVENTS.ID.eq(task.event().value())));
        if (!insertIf(transactions.dsl(), row, eventExists.and(assigneeIsMember(task)))) {
            if (transactions.dsl().fetchExists(TASKS, TASKS.ID.eq(task.id().value()))) {
                throw new IllegalStateException("a task with id " + task.id() + " exists");
            }
            throw new IllegalStateException("there is no event " + task.event() + " with member "
                    + details.assignee().map(UserId::toString).orElse("(none)"));
        }
    }

    @Override
    public Optional<Task> byId(EventId event, TaskId id) {
        return transactions.dsl().selectFrom(TASKS)
                .where(TASKS.EVENT_ID.eq(event.value()), TASKS.ID.eq(id.value()))
                .fetchOptional()
                .map(PostgresTasks::toTask);
    }

    @Override
    public List<Task> ofEvent(EventId event, TaskFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(TASKS.EVENT_ID.eq(event.value()));
        filter.assignee().ifPresent(user -> conditions.add(TASKS.ASSIGNEE_ID.eq(user.value())));
        filter.done().ifPresent(done -> conditions.add(done ? TASKS.DONE_AT.isNotNull() : TASKS.DONE_AT.isNull()));
        // Strictly before; an undated task's NULL never compares true, so it never matches.
        filter.dueBefore().ifPresent(day -> conditions.add(TASKS.DUE_ON.lt(day)));
        return transactions.dsl().selectFrom(TASKS)
                .where(conditions)
                .orderBy(TASKS.DUE_ON.asc().nullsLast(), TASKS.CREATED_AT, TASKS.ID)
                .fetch(PostgresTasks::toTask);
    }

    @Override
    public int count(EventId event) {
        return transactions.dsl().fetchCount(TASKS, TASKS.EVENT_ID.eq(event.value()));
    }

    @Override
    public void update(Task task) {
        TaskDetails details = task.details();
        Revision revision = task.revision();
        int updated = referencing(() -> transactions.dsl().update(TASKS)
                .set(TASKS.TITLE, details.title())
                .set(TASKS.NOTES, details.notes().orElse(null))
                .set(TASKS.DUE_ON, details.dueOn().orElse(null))
                .set(TASKS.ASSIGNEE_ID, details.assignee().map(UserId::value).orElse(null))
                .set(TASKS.DONE_AT, task.done().map(done -> toOffset(done.at())).orElse(null))
                .set(TASKS.DONE_BY, task.done().map(done -> done.by().value()).orElse(null))
                .set(TASKS.VERSION, revision.version())
                .set(TASKS.UPDATED_AT, toOffset(revision.updatedAt()))
                .set(TASKS.UPDATED_BY, revision.updatedBy().value())
                .where(TASKS.EVENT_ID.eq(task.event().value()), TASKS.ID.eq(task.id().value()))
                .and(assigneeIsMember(task))
                .execute());
        if (updated == 0) {
            if (byId(task.event(), task.id()).isEmpty()) {
                throw new NotFound("task");
            }
            throw new IllegalStateException("assignee " + details.assignee().map(UserId::toString).orElse("(none)")
                    + " is not a member of event " + task.event());
        }
    }

    @Override
    public boolean remove(EventId event, TaskId id) {
        return transactions.dsl().deleteFrom(TASKS)
                .where(TASKS.EVENT_ID.eq(event.value()), TASKS.ID.eq(id.value()))
                .execute() > 0;
    }

    private static Condition assigneeIsMember(Task task) {
        return task.details().assignee()
                .map(user -> DSL.exists(DSL.selectOne().from(EVENT_MEMBERSHIPS)
                        .where(EVENT_MEMBERSHIPS.EVENT_ID.eq(task.event().value()),
                                EVENT_MEMBERSHIPS.USER_ID.eq(user.value()))))
                .orElse(DSL.trueCondition());
    }

    private static Task toTask(TasksRecord r) {
        TaskDetails details = new TaskDetails(r.getTitle(), Optional.ofNullable(r.getNotes()),
                Optional.ofNullable(r.getDueOn()), Optional.ofNullable(r.getAssigneeId()).map(UserId::new));
        Optional<Completion> done = r.getDoneAt() == null ? Optional.empty()
                : Optional.of(new Completion(r.getDoneAt().toInstant(), new UserId(r.getDoneBy())));
        return new Task(new TaskId(r.getId()), new EventId(r.getEventId()), details, done,
                Revisions.revision(r.getVersion(), r.getCreatedAt(), r.getCreatedBy(), r.getUpdatedAt(),
                        r.getUpdatedBy()));
    }
}
