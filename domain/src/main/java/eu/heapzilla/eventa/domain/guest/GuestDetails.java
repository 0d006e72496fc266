package eu.heapzilla.eventa.domain.guest;

import eu.heapzilla.eventa.domain.edit.Patch;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.text.TextRules;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the couple knows about one guest: the household they belong to, how to reach them,
 * their answer, what they eat, and whether they bring someone. A named plus-one needs the
 * plus-one allowed. Every field is checked here, whoever builds one.
 */
public record GuestDetails(HouseholdId household, String name, Optional<Email> email, Optional<String> phone,
                           Rsvp rsvp, Optional<String> mealChoice, Optional<String> dietaryNotes, boolean plusOne,
                           Optional<String> plusOneName, boolean child, Optional<String> notes) {

    public static final int MAX_NAME = 200;
    public static final int MAX_PHONE = 40;
    public static final int MAX_MEAL_CHOICE = 200;
    public static final int MAX_DIETARY_NOTES = 1_000;
    public static final int MAX_NOTES = 10_000;

    private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]+");

    public GuestDetails {
        Objects.requireNonNull(household, "household");
        name = TextRules.line("name", name, MAX_NAME);
        Objects.requireNonNull(email, "email");
        phone = phone(Objects.requireNonNull(phone, "phone").orElse(null));
        Objects.requireNonNull(rsvp, "rsvp");
        mealChoice = TextRules.optionalLine("meal_choice", Objects.requireNonNull(mealChoice, "mealChoice").orElse(null),
                MAX_MEAL_CHOICE);
        dietaryNotes = TextRules.optionalText("dietary_notes",
                Objects.requireNonNull(dietaryNotes, "dietaryNotes").orElse(null), MAX_DIETARY_NOTES);
        plusOneName = TextRules.optionalLine("plus_one_name",
                Objects.requireNonNull(plusOneName, "plusOneName").orElse(null), MAX_NAME);
        if (plusOneName.isPresent() && !plusOne) {
            throw new InvalidValue("plus_one_name", "plus_one_name needs plus_one to be true");
        }
        notes = TextRules.optionalText("notes", Objects.requireNonNull(notes, "notes").orElse(null), MAX_NOTES);
    }

    /** A guest in {@code household} known only by name, who has not answered yet. */
    public static GuestDetails named(HouseholdId household, String name) {
        return new GuestDetails(household, name, Optional.empty(), Optional.empty(), Rsvp.PENDING, Optional.empty(),
                Optional.empty(), false, Optional.empty(), false, Optional.empty());
    }

    /** A phone number as typed: digits, spaces and {@code + ( ) - . /}; blank means none. */
    public static Optional<String> phone(String text) {
        Optional<String> phone = TextRules.optionalLine("phone", text, MAX_PHONE);
        if (phone.isPresent() && (!PHONE.matcher(phone.get()).matches() || phone.get().chars().noneMatch(Character::isDigit))) {
            throw new InvalidValue("phone", "phone may hold only digits, spaces and + ( ) - . /");
        }
        return phone;
    }

    /**
     * These details with {@code edit} applied. Taking the plus-one away also forgets their name,
     * unless the edit names one (which is then refused).
     */
    public GuestDetails edited(Edit edit) {
        boolean allowed = edit.plusOne().applyTo(plusOne);
        Optional<String> companion = edit.plusOneName().isSet() || allowed ? edit.plusOneName().applyTo(plusOneName)
                : Optional.empty();
        return new GuestDetails(edit.household().applyTo(household), edit.name().applyTo(name),
                edit.email().applyTo(email), edit.phone().applyTo(phone), edit.rsvp().applyTo(rsvp),
                edit.mealChoice().applyTo(mealChoice), edit.dietaryNotes().applyTo(dietaryNotes), allowed, companion,
                edit.child().applyTo(child), edit.notes().applyTo(notes));
    }

    /** A partial change: each field kept or set; clearable fields set to empty clear. */
    public record Edit(Patch<HouseholdId> household, Patch<String> name, Patch<Optional<Email>> email,
                       Patch<Optional<String>> phone, Patch<Rsvp> rsvp, Patch<Optional<String>> mealChoice,
                       Patch<Optional<String>> dietaryNotes, Patch<Boolean> plusOne,
                       Patch<Optional<String>> plusOneName, Patch<Boolean> child, Patch<Optional<String>> notes) {

        public Edit {
            Objects.requireNonNull(household, "household");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(rsvp, "rsvp");
            Objects.requireNonNull(mealChoice, "mealChoice");
            Objects.requireNonNull(dietaryNotes, "dietaryNotes");
            Objects.requireNonNull(plusOne, "plusOne");
            Objects.requireNonNull(plusOneName, "plusOneName");
            Objects.requireNonNull(child, "child");
            Objects.requireNonNull(notes, "notes");
        }

        public static Edit none() {
            return new Edit(Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(),
                    Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep());
        }

        public Edit withHousehold(HouseholdId value) {
            return new Edit(Patch.set(value), name, email, phone, rsvp, mealChoice, dietaryNotes, plusOne, plusOneName,
                    child, notes);
        }

        public Edit withName(String value) {
            return new Edit(household, Patch.set(value), email, phone, rsvp, mealChoice, dietaryNotes, plusOne,
                    plusOneName, child, notes);
        }

        public Edit withEmail(Optional<Email> value) {
            return new Edit(household, name, Patch.set(value), phone, rsvp, mealChoice, dietaryNotes, plusOne,
                    plusOneName, child, notes);
        }

        public Edit withPhone(Optional<String> value) {
            return new Edit(household, name, email, Patch.set(value), rsvp, mealChoice, dietaryNotes, plusOne,
                    plusOneName, child, notes);
        }

        public Edit withRsvp(Rsvp value) {
            return new Edit(household, name, email, phone, Patch.set(value), mealChoice, dietaryNotes, plusOne,
                    plusOneName, child, notes);
        }

        public Edit withMealChoice(Optional<String> value) {
            return new Edit(household, name, email, phone, rsvp, Patch.set(value), dietaryNotes, plusOne, plusOneName,
                    child, notes);
        }

        public Edit withDietaryNotes(Optional<String> value) {
            return new Edit(household, name, email, phone, rsvp, mealChoice, Patch.set(value), plusOne, plusOneName,
                    child, notes);
        }

        public Edit withPlusOne(boolean value) {
            return new Edit(household, name, email, phone, rsvp, mealChoice, dietaryNotes, Patch.set(value), plusOneName,
                    child, notes);
        }

        public Edit withPlusOneName(Optional<String> value) {
            return new Edit(household, name, email, phone, rsvp, mealChoice, dietaryNotes, plusOne, Patch.set(value),
                    child, notes);
        }

        public Edit withChild(boolean value) {
            return new Edit(household, name, email, phone, rsvp, mealChoice, dietaryNotes, plusOne, plusOneName,
                    Patch.set(value), notes);
        }

        public Edit withNotes(Optional<String> value) {
            return new Edit(household, name, email, phone, rsvp, mealChoice, dietaryNotes, plusOne, plusOneName, child,
                    Patch.set(value));
        }
    }
}
