package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A household's form: its fields, their values for a saved household, a new one, and an edit of the changed ones. */
final class HouseholdForm {

    static final Map<String, String> LABELS = labels();

    private HouseholdForm() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", "Name");
        labels.put("address", "Address");
        labels.put("notes", "Notes");
        return labels;
    }

    static List<String> fields() {
        return List.copyOf(LABELS.keySet());
    }

    static Map<String, String> values(Household household) {
        HouseholdDetails d = household.details();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", d.name());
        values.put("address", d.address().orElse(""));
        values.put("notes", d.notes().orElse(""));
        return values;
    }

    static HouseholdDetails details(Map<String, String> typed) {
        return HouseholdDetails.named(typed.getOrDefault("name", "")).edited(edit(typed));
    }

    static HouseholdDetails.Edit edit(Map<String, String> changed) {
        HouseholdDetails.Edit edit = HouseholdDetails.Edit.none();
        for (Map.Entry<String, String> field : changed.entrySet()) {
            String value = field.getValue();
            edit = switch (field.getKey()) {
                case "name" -> edit.withName(value);
                case "address" -> edit.withAddress(Inputs.text(value));
                case "notes" -> edit.withNotes(Inputs.text(value));
                default -> edit;
            };
        }
        return edit;
    }

    /** Runs {@code action}; a refusal comes out worded with the form's labels. */
    static <T> T worded(Supplier<T> action) {
        return FieldErrors.named(LABELS, action);
    }
}
