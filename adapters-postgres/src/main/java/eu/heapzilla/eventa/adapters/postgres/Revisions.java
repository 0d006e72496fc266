package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Between the domain's {@link Revision} and the {@code version, created_*, updated_*} columns of versioned tables. */
final class Revisions {

    private Revisions() {
    }

    static Revision revision(long version, OffsetDateTime createdAt, UUID createdBy, OffsetDateTime updatedAt,
                             UUID updatedBy) {
        return new Revision(version, createdAt.toInstant(), new UserId(createdBy), updatedAt.toInstant(),
                new UserId(updatedBy));
    }
}
