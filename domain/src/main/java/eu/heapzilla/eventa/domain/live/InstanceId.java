package eu.heapzilla.eventa.domain.live;

import java.util.Objects;
import java.util.UUID;

/** One running server process; its connections live and die with it. */
public record InstanceId(UUID value) {

    public InstanceId {
        Objects.requireNonNull(value, "value");
    }

    public static InstanceId random() {
        return new InstanceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
