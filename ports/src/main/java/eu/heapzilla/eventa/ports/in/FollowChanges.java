package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.List;
import java.util.Objects;

/** A member's device catches up with everything that changed in an event since it last looked. */
public interface FollowChanges {

    int MAX_LIMIT = 1000;
    int DEFAULT_LIMIT = 100;

    /**
     * Up to {@code limit} changes after seq {@code since}, in seq order, each exactly once.
     *
     * @throws eu.heapzilla.eventa.domain.error.InvalidValue when {@code since} is negative or ahead of the
     *         event's last change, or {@code limit} is not between 1 and {@link #MAX_LIMIT}
     */
    ChangePage changesSince(UserId member, EventId event, long since, int limit);

    /**
     * @param cursor the seq to ask from next time: the last change's seq, or {@code since} when there were none
     * @param hasMore whether more changes are waiting after {@code cursor}
     */
    record ChangePage(List<Change> changes, long cursor, boolean hasMore) {

        public ChangePage {
            changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
        }
    }
}
