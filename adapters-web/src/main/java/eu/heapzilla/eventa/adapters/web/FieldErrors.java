package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The core names a refused field as it is on the wire ("meal_choice must be at most 200
 * characters"); a person reads the label of the field in front of them ("Meal choice must be…").
 */
final class FieldErrors {

    private FieldErrors() {
    }

    /** Runs {@code action}; a refusal comes out worded with {@code labels} (wire name to label). */
    static <T> T named(Map<String, String> labels, Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidValue refused) {
            throw new InvalidValue(refused.field(), message(refused, labels));
        }
    }

    static String message(InvalidValue refused, Map<String, String> labels) {
        String field = refused.field();
        String detail = refused.detail();
        String label = labels.get(field);
        if (label != null && detail.startsWith(field + " ")) {
            return label + detail.substring(field.length());
        }
        return detail.isEmpty() ? detail : Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
    }
}
