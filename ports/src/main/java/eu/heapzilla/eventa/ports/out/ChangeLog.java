package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.event.EventId;
import java.util.List;

/**
 * Every event's changes, in seq order. Appending also announces the change to every server
 * instance once the transaction commits (and never if it rolls back).
 */
public interface ChangeLog {

    /** @throws IllegalStateException when the event already has a change with that seq */
    void append(Change change);

    /** Up to {@code limit} changes of the event with seq greater than {@code since}, in seq order. */
    List<Change> after(EventId event, long since, int limit);
}
