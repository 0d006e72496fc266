package eu.heapzilla.eventa.domain.edit;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;

/**
 * Something people edit together: every write increments {@link #version()}, and a write
 * based on an older version is refused instead of silently undoing someone else's edit.
 */
public interface Versioned {

    long version();

    Instant updatedAt();

    UserId updatedBy();

    /**
     * Checks that an edit was based on the current version.
     *
     * @throws VersionConflict carrying this, the current state, when it was not
     */
    default void requireVersion(long basedOn) {
        if (basedOn != version()) {
            throw new VersionConflict(this, basedOn);
        }
    }
}
