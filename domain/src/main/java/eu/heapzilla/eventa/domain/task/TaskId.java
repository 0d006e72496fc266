package eu.heapzilla.eventa.domain.task;

import eu.heapzilla.eventa.domain.text.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link Task}; a UUID, written on the wire as its canonical string. */
public record TaskId(UUID value) {

    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; text that is no id names nothing, so it is not found. */
    public static TaskId fromPath(String text) {
        return new TaskId(Ids.uuidFromPath(text, "task"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
