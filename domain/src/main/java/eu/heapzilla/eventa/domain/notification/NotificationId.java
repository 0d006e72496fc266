package eu.heapzilla.eventa.domain.notification;

import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Notification}; a UUID, written on the wire as its canonical string. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId random() {
        return new NotificationId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; a malformed one names no notification. */
    public static NotificationId fromPath(String text) {
        return new NotificationId(Ids.uuidFromPath(text, "notification"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
