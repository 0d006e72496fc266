package eu.heapzilla.eventa.domain.budget;

import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link BudgetItem}; a UUID, written on the wire as its canonical string. */
public record BudgetItemId(UUID value) {

    public BudgetItemId {
        Objects.requireNonNull(value, "value");
    }

    public static BudgetItemId random() {
        return new BudgetItemId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; text that is no id names nothing, so it is not found. */
    public static BudgetItemId fromPath(String text) {
        return new BudgetItemId(Ids.uuidFromPath(text, "budget_item"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
