package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.domain.timeline.Timeline;
import eu.heapzilla.eventa.domain.timeline.TimelineBucket;
import eu.heapzilla.eventa.ports.in.KeepChecklist;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event's checklist: the tasks (all, mine, open or overdue), adding one, ticking one off or
 * reopening it (one row at a time with htmx, a plain form post without), editing one with the
 * conflict panel, deleting one after a question; and the timeline of what is due when.
 */
final class ChecklistPages {

    private static final List<String> FILTERS = List.of("all", "mine", "open", "overdue");

    private final WebApp app;
    private final Edits<Task> edits = new Edits<>(TaskForm::values, TaskForm.LABELS);

    ChecklistPages(WebApp app) {
        this.app = app;
    }

    void register() {
        app.get("/events/{e}/tasks", visit -> showList(open(visit), filter(visit), 200,
                EditForm.showing(0, TaskForm.blank())));
        app.post("/events/{e}/tasks", this::add);
        app.get("/events/{e}/tasks/{t}", visit -> {
            OpenEvent open = open(visit);
            Task task = checklist().task(open.user(), open.id(), taskId(visit));
            showEdit(open, task, 200, edits.form(task));
        });
        app.post("/events/{e}/tasks/{t}", this::save);
        app.post("/events/{e}/tasks/{t}/complete", this::complete);
        app.get("/events/{e}/tasks/{t}/delete", this::confirmDelete);
        app.post("/events/{e}/tasks/{t}/delete", this::delete);
        app.get("/events/{e}/timeline", this::timeline);
    }

    private KeepChecklist checklist() {
        return app.ports().keepChecklist();
    }

    private OpenEvent open(Visit visit) {
        return OpenEvent.of(visit, app.ports().planEvents());
    }

    private static TaskId taskId(Visit visit) {
        return TaskId.fromPath(visit.ctx.pathParam("t"));
    }

    /** The list's filter from {@code ?filter=}; anything unknown shows all. */
    private static String filter(Visit visit) {
        return visit.query("filter").filter(FILTERS::contains).orElse("all");
    }

    private static String listPath(OpenEvent open, String filter, Optional<String> notice) {
        String query = filter.equals("all") ? "" : "?filter=" + filter;
        return open.path("/tasks") + notice.map(n -> (query.isEmpty() ? "?" : query + "&") + "notice=" + Visit.encode(n))
                .orElse(query);
    }

    // ---- the list

    private void showList(OpenEvent open, String filter, int status, EditForm form) {
        Visit visit = open.visit();
        LocalDate today = LocalDate.now(open.zone());
        TaskFilter wanted = switch (filter) {
            case "mine" -> TaskFilter.all().assignedTo(open.user());
            case "open" -> TaskFilter.all().done(false);
            case "overdue" -> TaskFilter.all().done(false).dueBefore(today);
            default -> TaskFilter.all();
        };
        Names names = names(open);
        List<TaskRow> rows = checklist().tasks(open.user(), open.id(), wanted).stream()
                .map(task -> row(open, names, task, today)).toList();
        List<FilterLink> links = new ArrayList<>();
        for (String key : FILTERS) {
            String label = switch (key) {
                case "mine" -> "Mine";
                case "open" -> "Open";
                case "overdue" -> "Overdue";
                default -> "All";
            };
            links.add(new FilterLink(key, label, listPath(open, key, Optional.empty()), key.equals(filter)));
        }
        String empty = switch (filter) {
            case "mine" -> "Nothing is assigned to you.";
            case "open" -> "Nothing open: every task is done.";
            case "overdue" -> "Nothing overdue.";
            default -> "No tasks yet.";
        };
        visit.render(status, "checklist.jte", new ChecklistView(open.chrome("Checklist", "tasks"), open.id().toString(),
                filter, links, rows, empty, open.canEdit(), form, names.options(open.user()),
                listPath(open, filter, Optional.empty()), visit.formats.longDate(today), open.zone().getId()));
    }

    private TaskRow row(OpenEvent open, Names names, Task task, LocalDate today) {
        Formats formats = open.visit().formats;
        boolean overdue = !task.isDone() && task.details().dueOn().filter(due -> due.isBefore(today)).isPresent();
        String doneLine = task.done().map(c -> "Done by " + names.of(c.by()) + ", " + formats.dateTime(c.at(), open.zone()))
                .orElse("");
        return new TaskRow(task.id().toString(), open.path("/tasks/" + task.id()), task.details().title(),
                task.details().dueOn().map(formats::date).orElse(""), overdue,
                task.details().assignee().map(names::of).orElse(""), task.details().notes().orElse(""), task.isDone(),
                doneLine, task.version());
    }

    private void add(Visit visit) {
        OpenEvent open = open(visit);
        String filter = filter(visit);
        EditForm form = TaskForm.posted(visit);
        Task added;
        try {
            added = TaskForm.friendly(() -> checklist().addTask(open.user(), open.id(), TaskForm.details(form.values())));
        } catch (InvalidValue refused) {
            showList(open, filter, 400, form.refused(refused.detail()));
            return;
        }
        visit.redirect(listPath(open, filter, Optional.of("Added \u201c" + added.details().title() + "\u201d.")));
    }

    /**
     * Ticks a task off or reopens it. When someone changed the task meanwhile but left it done
     * (or not done) as this person saw it, the tick is made on their version; when they already
     * ticked or reopened it themselves, nothing more is to be done.
     */
    private void complete(Visit visit) {
        OpenEvent open = open(visit);
        TaskId id = taskId(visit);
        boolean done = switch (visit.raw("done")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Refused(400, "This form is incomplete", "Reload the page and try again.");
        };
        long version = version(visit);
        Optional<String> notice;
        try {
            checklist().complete(open.user(), open.id(), id, version, done);
            notice = Optional.of(done ? "Marked done." : "Reopened.");
        } catch (VersionConflict conflict) {
            Task current = (Task) conflict.current();
            if (current.isDone() != done) {
                checklist().complete(open.user(), open.id(), id, current.version(), done);
                notice = Optional.of(done ? "Marked done." : "Reopened.");
            } else {
                notice = Optional.of(names(open).of(current.updatedBy()) + (done ? " had already marked it done." : " had already reopened it."));
            }
        }
        visit.redirect(listPath(open, filter(visit), notice) + "#task-" + id);
    }

    private static long version(Visit visit) {
        try {
            return Long.parseLong(visit.raw("version"));
        } catch (NumberFormatException e) {
            throw new Refused(400, "This form is incomplete", "Reload the page and try again.");
        }
    }

    // ---- one task

    private void showEdit(OpenEvent open, Task task, int status, EditForm form) {
        Names names = names(open);
        Formats formats = open.visit().formats;
        String state = task.done().map(c -> "Done by " + names.of(c.by()) + ", " + formats.dateTime(c.at(), open.zone()))
                .orElse("Not done yet.");
        String added = "Added by " + names.of(task.revision().createdBy()) + ", "
                + formats.dateTime(task.revision().createdAt(), open.zone());
        open.visit().render(status, "task.jte", new TaskView(open.chrome("Edit task", "tasks"), open.id().toString(),
                task.id().toString(), task.details().title(), open.path("/tasks/" + task.id()), form,
                names.options(open.user()), open.canEdit(), state, added, open.path("/tasks")));
    }

    private void save(Visit visit) {
        OpenEvent open = open(visit);
        TaskId id = taskId(visit);
        EditForm form = TaskForm.posted(visit);
        Names names = names(open);
        Edits.Outcome<Task> outcome = edits.save(form,
                (version, changed) -> TaskForm.friendly(() -> checklist().editTask(open.user(), open.id(), id, version,
                        TaskForm.edit(changed))),
                state -> names.of(state.updatedBy()), visit.formats, open.zone());
        if (outcome.again().isPresent()) {
            EditForm again = readable(outcome.again().get(), names, visit.formats);
            Task current = checklist().task(open.user(), open.id(), id);
            showEdit(open, current, again.conflict().isPresent() ? 409 : 400, again);
            return;
        }
        String title = outcome.saved().map(t -> t.details().title()).orElse(form.value("title"));
        visit.redirect(open.path("/tasks") + "?notice=" + Visit.encode("Saved \u201c" + title + "\u201d.") + "#task-" + id);
    }

    /** The conflict panel shows a person's name and a date as the reader writes it, not the form's raw values. */
    private static EditForm readable(EditForm form, Names names, Formats formats) {
        if (form.conflict().isEmpty()) {
            return form;
        }
        Edits.Clashes clashes = form.conflict().get();
        List<Edits.Clash> shown = clashes.fields().stream().map(c -> switch (c.field()) {
            case "assignee" -> new Edits.Clash(c.field(), c.label(), names.ofField(c.mine()), names.ofField(c.theirs()));
            case "due_on" -> new Edits.Clash(c.field(), c.label(), dateOf(formats, c.mine()), dateOf(formats, c.theirs()));
            default -> c;
        }).toList();
        return new EditForm(form.version(), form.values(), form.was(),
                Optional.of(new Edits.Clashes(clashes.who(), clashes.ago(), shown)), form.error());
    }

    private static String dateOf(Formats formats, String iso) {
        try {
            return Inputs.date("Due date", iso).map(formats::date).orElse("");
        } catch (InvalidValue notADate) {
            return iso;
        }
    }

    private void confirmDelete(Visit visit) {
        OpenEvent open = open(visit);
        Task task = checklist().task(open.user(), open.id(), taskId(visit));
        String path = open.path("/tasks/" + task.id());
        visit.render("confirm.jte", new EventPages.ConfirmView(open.chrome("Delete task", "tasks"),
                "Delete \u201c" + task.details().title() + "\u201d?",
                "This removes the task from the checklist for everyone in the event. It cannot be undone.",
                path + "/delete", "Delete the task", path, Map.of("version", String.valueOf(task.version()))));
    }

    private void delete(Visit visit) {
        OpenEvent open = open(visit);
        TaskId id = taskId(visit);
        Task task = checklist().task(open.user(), open.id(), id);
        checklist().deleteTask(open.user(), open.id(), id, version(visit));
        visit.redirect(listPath(open, "all", Optional.of("\u201c" + task.details().title() + "\u201d was deleted.")));
    }

    // ---- the timeline

    private void timeline(Visit visit) {
        OpenEvent open = open(visit);
        Timeline timeline = checklist().timeline(open.user(), open.id(), Optional.empty(), Optional.empty());
        Names names = names(open);
        List<Bucket> buckets = new ArrayList<>();
        for (TimelineBucket bucket : TimelineBucket.values()) {
            String heading = switch (bucket) {
                case OVERDUE -> "Overdue";
                case THIS_WEEK -> "This week";
                case THIS_MONTH -> "This month";
                case LATER -> "Later";
                case UNDATED -> "No due date";
                case DONE -> "Recently done";
            };
            List<TaskRow> rows = timeline.tasksIn(bucket).stream().map(t -> row(open, names, t, timeline.today())).toList();
            buckets.add(new Bucket(bucket.wireName().replace('_', '-'), heading, rows));
        }
        visit.render("timeline.jte", new TimelineView(open.chrome("Timeline", "timeline"), open.id().toString(),
                visit.formats.longDate(timeline.today()), timeline.zone().getId(), buckets, open.canEdit()));
    }

    // ---- names

    private Names names(OpenEvent open) {
        Map<UserId, String> names = new LinkedHashMap<>();
        app.ports().manageMembers().members(open.user(), open.id())
                .forEach(m -> names.put(m.user().id(), m.user().displayName().value()));
        return new Names(names);
    }

    /** The event's members' display names, earliest joined first. */
    private record Names(Map<UserId, String> names) {

        String of(UserId user) {
            String name = names.get(user);
            return name != null ? name : "a former member";
        }

        String ofField(String value) {
            if (value.isBlank()) {
                return "Nobody";
            }
            try {
                return of(UserId.parse("assignee", value));
            } catch (InvalidValue notAnId) {
                return value;
            }
        }

        List<Option> options(UserId you) {
            return names.entrySet().stream().map(e -> new Option(e.getKey().toString(),
                    e.getValue() + (e.getKey().equals(you) ? " (you)" : ""))).toList();
        }
    }

    // ---- what the templates show

    record Option(String value, String label) {
    }

    record FilterLink(String key, String label, String href, boolean current) {
    }

    /**
     * One task as a row: {@code due} and {@code doneLine} as the reader writes dates, empty when
     * there is none; {@code assignee} is a display name.
     */
    record TaskRow(String id, String href, String title, String due, boolean overdue, String assignee, String notes,
                   boolean done, String doneLine, long version) {
    }

    /**
     * @param action the list's own path with its filter: where its forms post, and where they come back to
     */
    record ChecklistView(Chrome chrome, String id, String filter, List<FilterLink> filters, List<TaskRow> tasks,
                         String empty, boolean canEdit, EditForm form, List<Option> members, String action,
                         String today, String zone) {

        /** The filter as a query, kept by the forms' posts. */
        String keep() {
            return filter.equals("all") ? "" : "?filter=" + filter;
        }
    }

    record TaskView(Chrome chrome, String eventId, String taskId, String title, String action, EditForm form,
                    List<Option> members, boolean canEdit, String state, String added, String back) {
    }

    record Bucket(String key, String heading, List<TaskRow> tasks) {
    }

    record TimelineView(Chrome chrome, String id, String today, String zone, List<Bucket> buckets, boolean canEdit) {
    }
}
