package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of an {@link Invite}; a UUID, written on the wire as its canonical string. */
public record InviteId(UUID value) {

    public InviteId {
        Objects.requireNonNull(value, "value");
    }

    public static InviteId random() {
        return new InviteId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; a malformed one names no invite. */
    public static InviteId fromPath(String text) {
        return new InviteId(Ids.uuidFromPath(text, "invite"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
