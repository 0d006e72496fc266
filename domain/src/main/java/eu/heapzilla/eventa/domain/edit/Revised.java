package eu.heapzilla.eventa.domain.edit;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;

/** A {@link Versioned} thing whose versions are kept in a {@link Revision}. */
public interface Revised extends Versioned {

    Revision revision();

    @Override
    default long version() {
        return revision().version();
    }

    @Override
    default Instant updatedAt() {
        return revision().updatedAt();
    }

    @Override
    default UserId updatedBy() {
        return revision().updatedBy();
    }
}
