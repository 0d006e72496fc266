package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.ports.out.Tasks;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Tasks} in a map keyed by id. Like the database it
 * refuses a task of an unknown event and an assignee who is not a member of the task's event,
 * on add and on update. Dated tasks come first by due date, undated ones last, then by creation
 * time and the ids' canonical text (the order PostgreSQL gives UUIDs).
 */
public final class InMemoryTasks extends InMemoryTable<TaskId, Task> implements Tasks {

    private static final Comparator<Task> CHECKLIST_ORDER = Comparator
            .comparing((Task t) -> t.details().dueOn().orElse(null), Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(t -> t.revision().createdAt())
            .thenComparing(t -> t.id().value().toString());

    private final InMemoryEvents events;
    private final InMemoryMemberships memberships;

    public InMemoryTasks(InMemoryTransactions transactions, InMemoryEvents events, InMemoryMemberships memberships) {
        super(transactions);
        this.events = events;
        this.memberships = memberships;
    }

    @Override
    public void add(Task task) {
        transactions.run(() -> {
            if (events.byId(task.event()).isEmpty()) {
                throw new IllegalStateException("there is no event " + task.event());
            }
            requireMemberAssignee(task);
            insert(task.id(), task);
        });
    }

    @Override
    public Optional<Task> byId(EventId event, TaskId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)).filter(t -> t.event().equals(event)));
    }

    @Override
    public List<Task> ofEvent(EventId event, TaskFilter filter) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(t -> t.event().equals(event) && filter.matches(t))
                .sorted(CHECKLIST_ORDER)
                .toList());
    }

    @Override
    public int count(EventId event) {
        return transactions.inTransaction(() -> (int) rows.values().stream().filter(t -> t.event().equals(event)).count());
    }

    @Override
    public void update(Task task) {
        transactions.run(() -> {
            Task stored = byId(task.event(), task.id()).orElseThrow(() -> new NotFound("task"));
            requireMemberAssignee(task);
            Revision revision = task.revision();
            rows.put(stored.id(), new Task(stored.id(), stored.event(), task.details(), task.done(),
                    new Revision(revision.version(), stored.revision().createdAt(), stored.revision().createdBy(),
                            revision.updatedAt(), revision.updatedBy())));
        });
    }

    @Override
    public boolean remove(EventId event, TaskId id) {
        return transactions.inTransaction(() -> byId(event, id).map(t -> rows.remove(t.id()) != null).orElse(false));
    }

    private void requireMemberAssignee(Task task) {
        task.details().assignee().ifPresent(user -> {
            if (memberships.of(task.event(), user).isEmpty()) {
                throw new IllegalStateException("assignee " + user + " is not a member of event " + task.event());
            }
        });
    }

    void removeEvent(EventId event) {
        rows.values().removeIf(task -> task.event().equals(event));
    }
}
