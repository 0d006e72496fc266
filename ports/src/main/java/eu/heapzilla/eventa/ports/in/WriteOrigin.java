package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.live.ConnectionId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Names the live connection of the device that is making a write, so that the change is not
 * echoed back to that connection (the writer's other connections still hear of it). A request
 * runs its use case inside {@link #during}; every change recorded on that thread meanwhile
 * carries the connection as its origin. It is only a hint for delivery: it grants nothing, and
 * it only silences a connection of the same user who made the write.
 */
public final class WriteOrigin {

    private static final ThreadLocal<ConnectionId> CURRENT = new ThreadLocal<>();

    private WriteOrigin() {
    }

    public static <T> T during(ConnectionId connection, Supplier<T> work) {
        Objects.requireNonNull(connection, "connection");
        ConnectionId outer = CURRENT.get();
        CURRENT.set(connection);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The connection named by the innermost {@link #during} on this thread, if any. */
    public static Optional<ConnectionId> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
