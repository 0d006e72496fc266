package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.event.EventId;
import java.util.List;

/**
 * Every event's changes, in seq order, each with the live connection it came through if any.
 * Appending announces nothing: the writer announces the last seq on the {@link ChangeBus}.
 */
public interface ChangeLog {

    /** @throws IllegalStateException when the event already has a change with that seq */
    void append(Change change);

    /** Up to {@code limit} changes of the event with seq greater than {@code since}, in seq order. */
    List<Change> after(EventId event, long since, int limit);
}
