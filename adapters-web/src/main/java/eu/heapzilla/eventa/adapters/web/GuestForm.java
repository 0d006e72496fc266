package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A guest's form: its fields, their values for a saved guest, a new guest from typed values, and
 * an edit of the changed ones. Checkboxes hold "on" when ticked and "" when not, as a browser sends them.
 */
final class GuestForm {

    static final Map<String, String> LABELS = labels();

    /** The core's names for the fields (the household is {@code household_id} there), for its refusals. */
    static final Map<String, String> WIRE_LABELS = wireLabels();

    /** The answers in the order the page offers them, with their words. */
    static final Map<Rsvp, String> ANSWERS = answers();

    private GuestForm() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("household", "Household");
        labels.put("name", "Name");
        labels.put("email", "Email");
        labels.put("phone", "Phone");
        labels.put("rsvp", "RSVP");
        labels.put("meal_choice", "Meal choice");
        labels.put("dietary_notes", "Dietary notes");
        labels.put("plus_one", "Brings a plus-one");
        labels.put("plus_one_name", "Plus-one's name");
        labels.put("child", "Child");
        labels.put("notes", "Notes");
        return labels;
    }

    private static Map<String, String> wireLabels() {
        Map<String, String> labels = new LinkedHashMap<>(LABELS);
        labels.put("household_id", "Household");
        return Map.copyOf(labels);
    }

    private static Map<Rsvp, String> answers() {
        Map<Rsvp, String> answers = new LinkedHashMap<>();
        answers.put(Rsvp.YES, "Yes");
        answers.put(Rsvp.NO, "No");
        answers.put(Rsvp.MAYBE, "Maybe");
        answers.put(Rsvp.PENDING, "Pending");
        return answers;
    }

    static List<String> fields() {
        return List.copyOf(LABELS.keySet());
    }

    static Map<String, String> values(Guest guest) {
        GuestDetails d = guest.details();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("household", d.household().toString());
        values.put("name", d.name());
        values.put("email", d.email().map(Email::value).orElse(""));
        values.put("phone", d.phone().orElse(""));
        values.put("rsvp", d.rsvp().wireName());
        values.put("meal_choice", d.mealChoice().orElse(""));
        values.put("dietary_notes", d.dietaryNotes().orElse(""));
        values.put("plus_one", d.plusOne() ? "on" : "");
        values.put("plus_one_name", d.plusOneName().orElse(""));
        values.put("child", d.child() ? "on" : "");
        values.put("notes", d.notes().orElse(""));
        return values;
    }

    /** A new guest from every field of the add form. */
    static GuestDetails details(Map<String, String> typed) {
        HouseholdId household = household(typed.getOrDefault("household", ""));
        return GuestDetails.named(household, typed.getOrDefault("name", "")).edited(edit(typed));
    }

    static GuestDetails.Edit edit(Map<String, String> changed) {
        GuestDetails.Edit edit = GuestDetails.Edit.none();
        for (Map.Entry<String, String> field : changed.entrySet()) {
            String value = field.getValue();
            edit = switch (field.getKey()) {
                case "household" -> edit.withHousehold(household(value));
                case "name" -> edit.withName(value);
                case "email" -> edit.withEmail(Inputs.text(value).map(Email::of));
                case "phone" -> edit.withPhone(GuestDetails.phone(value));
                case "rsvp" -> edit.withRsvp(Rsvp.parse("rsvp", value));
                case "meal_choice" -> edit.withMealChoice(Inputs.text(value));
                case "dietary_notes" -> edit.withDietaryNotes(Inputs.text(value));
                case "plus_one" -> edit.withPlusOne("on".equals(value));
                case "plus_one_name" -> edit.withPlusOneName(Inputs.text(value));
                case "child" -> edit.withChild("on".equals(value));
                case "notes" -> edit.withNotes(Inputs.text(value));
                default -> edit;
            };
        }
        return edit;
    }

    static HouseholdId household(String text) {
        return Ids.canonical(text).map(HouseholdId::new)
                .orElseThrow(() -> new InvalidValue("household_id", "Pick the guest's household"));
    }

    /** A refusal as the person reads it, for the two rules whose wording only makes sense on the wire. */
    static String message(InvalidValue refused) {
        if (refused.field().equals("plus_one_name") && refused.detail().contains("needs plus_one")) {
            return "Tick \u201cBrings a plus-one\u201d to give the plus-one a name.";
        }
        if (refused.field().equals("household_id") && refused.detail().contains("names no household")) {
            return "That household is no longer on the list: pick another one.";
        }
        return FieldErrors.message(refused, WIRE_LABELS);
    }

    /** Runs {@code action}; a refusal comes out worded for the person. */
    static <T> T worded(Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidValue refused) {
            throw new InvalidValue(refused.field(), message(refused));
        }
    }

    /** What a saved value looks like to a person, for the conflict panel ("on" is "Yes", an id is a name). */
    static String shown(String field, String value, Map<String, String> householdNames) {
        return switch (field) {
            case "household" -> householdNames.getOrDefault(value, "(a household no longer on the list)");
            case "rsvp" -> ANSWERS.entrySet().stream().filter(a -> a.getKey().wireName().equals(value))
                    .map(Map.Entry::getValue).findFirst().orElse(value);
            case "plus_one", "child" -> "on".equals(value) ? "Yes" : "No";
            default -> value;
        };
    }

    static Optional<Rsvp> answer(String text) {
        return Optional.ofNullable(text).flatMap(t -> Arrays.stream(Rsvp.values())
                .filter(r -> r.wireName().equals(t)).findFirst());
    }
}
