package eu.heapzilla.eventa.domain.guest;

import eu.heapzilla.eventa.domain.edit.Patch;
import eu.heapzilla.eventa.domain.text.TextRules;
import java.util.Objects;
import java.util.Optional;

/**
 * What a household is: a name (e.g. "The Müllers"), where invitations go, and notes. Every
 * field is checked here, whoever builds one.
 */
public record HouseholdDetails(String name, Optional<String> address, Optional<String> notes) {

    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 1_000;
    public static final int MAX_NOTES = 10_000;

    public HouseholdDetails {
        name = TextRules.line("name", name, MAX_NAME);
        address = TextRules.optionalText("address", Objects.requireNonNull(address, "address").orElse(null), MAX_ADDRESS);
        notes = TextRules.optionalText("notes", Objects.requireNonNull(notes, "notes").orElse(null), MAX_NOTES);
    }

    public static HouseholdDetails named(String name) {
        return new HouseholdDetails(name, Optional.empty(), Optional.empty());
    }

    public HouseholdDetails edited(Edit edit) {
        return new HouseholdDetails(edit.name().applyTo(name), edit.address().applyTo(address),
                edit.notes().applyTo(notes));
    }

    /** A partial change: each field kept or set; clearable fields set to empty clear. */
    public record Edit(Patch<String> name, Patch<Optional<String>> address, Patch<Optional<String>> notes) {

        public Edit {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(notes, "notes");
        }

        public static Edit none() {
            return new Edit(Patch.keep(), Patch.keep(), Patch.keep());
        }

        public Edit withName(String value) {
            return new Edit(Patch.set(value), address, notes);
        }

        public Edit withAddress(Optional<String> value) {
            return new Edit(name, Patch.set(value), notes);
        }

        public Edit withNotes(Optional<String> value) {
            return new Edit(name, address, Patch.set(value));
        }
    }
}
