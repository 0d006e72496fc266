package eu.heapzilla.eventa.domain.task;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/** When a task was marked done, and by whom. */
public record Completion(Instant at, UserId by) {

    public Completion {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
