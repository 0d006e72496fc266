package eu.heapzilla.eventa.domain.archfixture.pure;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Keeps rules 1 and 8: JDK and domain types only. */
public record PureValue(UserId owner, Instant at, List<String> tags, int[] counts) {

    public PureValue {
        Objects.requireNonNull(owner, "owner");
        tags = List.copyOf(tags);
    }
}
