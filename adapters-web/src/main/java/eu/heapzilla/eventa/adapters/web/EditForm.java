package eu.heapzilla.eventa.adapters.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An edit form as a browser sends it back: the version it was shown at, each field's value now,
 * and (in hidden {@value #WAS} fields) each field's value when the form was shown. Only the
 * fields the person changed are saved, so two people editing different fields of one thing both
 * keep their edit.
 *
 * @param conflict set when the form is shown again after someone else's save
 * @param error    a refusal to show above the form, with the typed values kept
 */
record EditForm(long version, Map<String, String> values, Map<String, String> was, Optional<Edits.Clashes> conflict,
                Optional<String> error) {

    static final String WAS = "was.";

    EditForm {
        values = Map.copyOf(values);
        was = Map.copyOf(was);
    }

    /** A fresh form showing {@code values} at {@code version}. */
    static EditForm showing(long version, Map<String, String> values) {
        return new EditForm(version, values, values, Optional.empty(), Optional.empty());
    }

    /**
     * The form as posted; a field missing from the post counts as empty (an unchecked box sends
     * nothing). Line breaks are read as saved ({@code \n}; browsers send {@code \r\n}), so that text
     * of several lines compares equal to its saved value.
     */
    static EditForm posted(Visit visit, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> was = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, visit.raw(field).replace("\r\n", "\n").strip());
            was.put(field, visit.raw(WAS + field).replace("\r\n", "\n").strip());
        }
        long version;
        try {
            version = Long.parseLong(visit.raw("version"));
        } catch (NumberFormatException e) {
            throw new Refused(400, "This form is incomplete", "Reload the page and make your change again.");
        }
        return new EditForm(version, values, was, Optional.empty(), Optional.empty());
    }

    /** The fields whose value the person changed, with their new values. */
    Map<String, String> changed() {
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (!value.equals(was.getOrDefault(field, ""))) {
                changed.put(field, value);
            }
        });
        return changed;
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** What a checkbox shows: checked when its value is "on". */
    boolean on(String field) {
        return "on".equals(values.get(field));
    }

    EditForm refused(String message) {
        return new EditForm(version, values, was, conflict, Optional.of(message));
    }
}
