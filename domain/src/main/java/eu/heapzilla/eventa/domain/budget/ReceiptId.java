package eu.heapzilla.eventa.domain.budget;

import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Receipt}; a UUID, written on the wire as its canonical string. */
public record ReceiptId(UUID value) {

    public ReceiptId {
        Objects.requireNonNull(value, "value");
    }

    public static ReceiptId random() {
        return new ReceiptId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; text that is no id names nothing, so it is not found. */
    public static ReceiptId fromPath(String text) {
        return new ReceiptId(Ids.uuidFromPath(text, "receipt"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
