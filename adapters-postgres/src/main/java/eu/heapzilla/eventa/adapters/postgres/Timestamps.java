package eu.heapzilla.eventa.adapters.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Between the domain's {@link Instant}s and jOOQ's {@code timestamptz} values. */
final class Timestamps {

    private Timestamps() {
    }

    static OffsetDateTime toOffset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime toOffsetOrNull(Optional<Instant> instant) {
        return instant.map(Timestamps::toOffset).orElse(null);
    }

    static Optional<Instant> toInstant(OffsetDateTime value) {
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
