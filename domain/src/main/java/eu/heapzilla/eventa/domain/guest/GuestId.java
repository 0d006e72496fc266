package eu.heapzilla.eventa.domain.guest;

import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Guest}; a UUID, written on the wire as its canonical string. */
public record GuestId(UUID value) {

    public GuestId {
        Objects.requireNonNull(value, "value");
    }

    public static GuestId random() {
        return new GuestId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; text that is no id names nothing, so it is not found. */
    public static GuestId fromPath(String text) {
        return new GuestId(Ids.uuidFromPath(text, "guest"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
