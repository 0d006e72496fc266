package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.text.Ids;
import eu.heapzilla.eventa.domain.error.NotFound;
import java.util.Objects;
import java.util.UUID;

/** Identity of an {@link Event}; a UUID, written on the wire as its canonical string. */
public record EventId(UUID value) {

    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId random() {
        return new EventId(UUID.randomUUID());
    }

    /**
     * Parses an id taken from a path. Text that is no event id names no event, so it is
     * {@link NotFound}, exactly like an id nobody uses.
     */
    public static EventId fromPath(String text) {
        return new EventId(Ids.uuidFromPath(text, "event"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
