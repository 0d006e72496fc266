package eu.heapzilla.eventa.domain.live;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Objects;
import java.util.UUID;

/**
 * One live connection of a device to a server instance. A write made "through" a connection
 * is not echoed back to it; the writer's other connections do hear of it.
 */
public record ConnectionId(UUID value) {

    public ConnectionId {
        Objects.requireNonNull(value, "value");
    }

    public static ConnectionId random() {
        return new ConnectionId(UUID.randomUUID());
    }

    /** Parses the canonical 36-character form; anything else is an {@link InvalidValue}. */
    public static ConnectionId parse(String field, String text) {
        return Ids.canonical(text).map(ConnectionId::new)
                .orElseThrow(() -> new InvalidValue(field, field + " must be a connection id (a UUID)"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
