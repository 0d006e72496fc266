package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.text.TextRules;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A task's form (adding one, or editing one): its fields, their values for a saved task, and the
 * task's details or an edit of the changed fields read from what was typed. Refusals name the
 * field as the form labels it.
 */
final class TaskForm {

    static final Map<String, String> LABELS = labels();

    private TaskForm() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("title", "Title");
        labels.put("due_on", "Due date");
        labels.put("assignee", "Assigned to");
        labels.put("notes", "Notes");
        return labels;
    }

    static EditForm posted(Visit visit) {
        return EditForm.posted(visit, List.copyOf(LABELS.keySet()));
    }

    /** The empty form for a new task. */
    static Map<String, String> blank() {
        Map<String, String> values = new LinkedHashMap<>();
        LABELS.keySet().forEach(field -> values.put(field, ""));
        return values;
    }

    static Map<String, String> values(Task task) {
        TaskDetails details = task.details();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", details.title());
        values.put("due_on", details.dueOn().map(LocalDate::toString).orElse(""));
        values.put("assignee", details.assignee().map(UserId::toString).orElse(""));
        values.put("notes", details.notes().orElse(""));
        return values;
    }

    /** A new task's details from the typed {@code values}. */
    static TaskDetails details(Map<String, String> values) {
        return friendly(() -> new TaskDetails(title(values.getOrDefault("title", "")), notes(values.getOrDefault("notes", "")),
                dueOn(values.getOrDefault("due_on", "")), assignee(values.getOrDefault("assignee", ""))));
    }

    /** An edit of the {@code changed} fields. */
    static TaskDetails.Edit edit(Map<String, String> changed) {
        return friendly(() -> {
            TaskDetails.Edit edit = TaskDetails.Edit.none();
            for (Map.Entry<String, String> field : changed.entrySet()) {
                String value = field.getValue();
                edit = switch (field.getKey()) {
                    case "title" -> edit.withTitle(title(value));
                    case "due_on" -> edit.withDueOn(dueOn(value));
                    case "assignee" -> edit.withAssignee(assignee(value));
                    case "notes" -> edit.withNotes(notes(value));
                    default -> edit;
                };
            }
            return edit;
        });
    }

    /**
     * Runs {@code work} (reading the form, or the use case saving it) with its refusals reworded
     * to name the field by its label: "Title must not be empty", not "title must not be empty".
     */
    static <T> T friendly(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidValue refused) {
            throw new InvalidValue(refused.field(), message(refused));
        }
    }

    /** The refusal in the form's words; a refusal already in them stays as it is. */
    private static String message(InvalidValue refused) {
        String detail = refused.detail();
        return switch (refused.field()) {
            case "title" -> detail.startsWith("title ") ? "Title" + detail.substring("title".length()) : detail;
            case "notes" -> detail.startsWith("notes ") ? "Notes" + detail.substring("notes".length()) : detail;
            case "due_on" -> "Due date must lie between the years 1900 and 2999";
            case "assignee_id" -> "Choose who it is assigned to from the list: only members of this event can take on a task";
            default -> detail;
        };
    }

    private static String title(String text) {
        return TextRules.line("title", text.strip(), TaskDetails.MAX_TITLE);
    }

    private static Optional<String> notes(String text) {
        return Inputs.text(text);
    }

    private static Optional<LocalDate> dueOn(String text) {
        return Inputs.date("Due date", text).map(TaskDetails::dueOn);
    }

    private static Optional<UserId> assignee(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(UserId.parse("assignee_id", text.strip()));
    }
}
