package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Duration;
import java.time.Instant;

/**
 * Coalescing: at most one push per person and event within a window, so a burst of edits wakes
 * a phone once.
 */
public interface PushWindows {

    /**
     * Opens a window for pushes to {@code user} about {@code event} at {@code now}, unless one
     * opened less than {@code window} before; true when it opened (so a push may go). Two callers
     * racing for the same pair never both get true.
     */
    boolean open(UserId user, EventId event, Instant now, Duration window);

    /** Forgets windows that opened before {@code cutoff}; returns how many. */
    int deleteOpenedBefore(Instant cutoff);
}
