package eu.heapzilla.eventa.domain.guest;

import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Household}; a UUID, written on the wire as its canonical string. */
public record HouseholdId(UUID value) {

    public HouseholdId {
        Objects.requireNonNull(value, "value");
    }

    public static HouseholdId random() {
        return new HouseholdId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; text that is no id names nothing, so it is not found. */
    public static HouseholdId fromPath(String text) {
        return new HouseholdId(Ids.uuidFromPath(text, "household"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
