package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.ports.in.KeepChecklist;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/events/{e}/tasks}: the checklist, filtered by {@code ?assignee=} (a user id,
 * or {@code me}), {@code ?done=} and {@code ?due_before=}; and ticking a task off with
 * {@code POST …/complete {done, version}}.
 */
final class TaskRoutes {

    static final String TASKS = EventRoutes.EVENT + "/tasks";
    static final String TASK = TASKS + "/{" + PathIds.TASK + "}";
    static final String COMPLETE = TASK + "/complete";
    private static final Set<String> FIELDS = Set.of("title", "notes", "due_on", "assignee_id");
    private static final Set<String> EDIT = Fields.with(FIELDS, EventFields.VERSION);
    private static final Set<String> COMPLETION = Set.of("done", EventFields.VERSION);

    private final KeepChecklist checklist;
    private final JsonBodies bodies;

    TaskRoutes(KeepChecklist checklist, JsonBodies bodies) {
        this.checklist = checklist;
        this.bodies = bodies;
    }

    void register(JavalinConfig config) {
        config.routes.get(TASKS, this::list, Access.MEMBER);
        config.routes.post(TASKS, this::create, Access.EDITOR);
        config.routes.get(TASK, this::show, Access.MEMBER);
        config.routes.patch(TASK, this::edit, Access.EDITOR);
        config.routes.delete(TASK, this::delete, Access.EDITOR);
        config.routes.post(COMPLETE, this::complete, Access.EDITOR);
    }

    private void list(Context ctx) {
        UserId viewer = Authentication.userId(ctx);
        ctx.json(Map.of("tasks", checklist.tasks(viewer, PathIds.event(ctx), filter(ctx, viewer)).stream()
                .map(TaskJson::of).toList()));
    }

    private void create(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), FIELDS);
        TaskDetails details = TaskDetails.titled(fields.requiredText("title")).edited(edit(fields));
        Task created = checklist.addTask(Authentication.userId(ctx), PathIds.event(ctx), details);
        ctx.header("Location", PathIds.inEvent(TASKS, created.event()) + "/" + created.id());
        respond(ctx.status(HttpStatus.CREATED), created);
    }

    private void show(Context ctx) {
        Task task = checklist.task(Authentication.userId(ctx), PathIds.event(ctx), PathIds.task(ctx));
        if (!ETags.notModified(ctx, task.version())) {
            respond(ctx, task);
        }
    }

    private void edit(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), EDIT);
        long basedOn = fields.requiredLong(EventFields.VERSION);
        respond(ctx, checklist.editTask(Authentication.userId(ctx), PathIds.event(ctx), PathIds.task(ctx), basedOn,
                edit(fields)));
    }

    private void complete(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), COMPLETION);
        boolean done = fields.requiredBool("done");
        long basedOn = fields.requiredLong(EventFields.VERSION);
        respond(ctx, checklist.complete(Authentication.userId(ctx), PathIds.event(ctx), PathIds.task(ctx), basedOn, done));
    }

    private void delete(Context ctx) {
        checklist.deleteTask(Authentication.userId(ctx), PathIds.event(ctx), PathIds.task(ctx), BasedOn.delete(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static TaskFilter filter(Context ctx, UserId viewer) {
        TaskFilter filter = TaskFilter.all();
        String assignee = ctx.queryParam("assignee");
        if (assignee != null) {
            filter = filter.assignedTo(assignee.equals("me") ? viewer : UserId.parse("assignee", assignee));
        }
        String done = ctx.queryParam("done");
        if (done != null) {
            if (!done.equals("true") && !done.equals("false")) {
                throw new InvalidValue("done", "done must be true or false");
            }
            filter = filter.done(Boolean.parseBoolean(done));
        }
        String dueBefore = ctx.queryParam("due_before");
        if (dueBefore != null) {
            filter = filter.dueBefore(date("due_before", dueBefore));
        }
        return filter;
    }

    static LocalDate date(String field, String text) {
        return WireDates.parse(text).orElseThrow(() -> new InvalidValue(field, field + " must be a date (YYYY-MM-DD)"));
    }

    private static TaskDetails.Edit edit(PatchFields fields) {
        TaskDetails.Edit edit = TaskDetails.Edit.none();
        Optional<String> title = fields.text("title");
        if (title.isPresent()) {
            edit = edit.withTitle(title.get());
        }
        Optional<Optional<String>> notes = fields.clearableText("notes");
        if (notes.isPresent()) {
            edit = edit.withNotes(notes.get());
        }
        Optional<Optional<LocalDate>> due = fields.clearableDate("due_on");
        if (due.isPresent()) {
            edit = edit.withDueOn(due.get().map(TaskDetails::dueOn));
        }
        Optional<Optional<String>> assignee = fields.clearableText("assignee_id");
        if (assignee.isPresent()) {
            edit = edit.withAssignee(assignee.get().map(text -> UserId.parse("assignee_id", text)));
        }
        return edit;
    }

    private static void respond(Context ctx, Task task) {
        ETags.set(ctx, task.version());
        ctx.json(TaskJson.of(task));
    }

    /** A task on the wire. */
    record TaskJson(String id, String eventId, long version, String title, String notes, LocalDate dueOn,
                    String assigneeId, boolean done, Instant doneAt, String doneBy, Instant createdAt, String createdBy,
                    Instant updatedAt, String updatedBy) {

        static TaskJson of(Task task) {
            TaskDetails d = task.details();
            return new TaskJson(task.id().toString(), task.event().toString(), task.version(), d.title(),
                    d.notes().orElse(null), d.dueOn().orElse(null), d.assignee().map(UserId::toString).orElse(null),
                    task.isDone(), task.done().map(c -> c.at()).orElse(null),
                    task.done().map(c -> c.by().toString()).orElse(null), task.revision().createdAt(),
                    task.revision().createdBy().toString(), task.revision().updatedAt(),
                    task.revision().updatedBy().toString());
        }
    }
}
