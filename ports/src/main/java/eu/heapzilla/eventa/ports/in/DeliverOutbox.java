package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.ports.out.OutboxCounts;
import java.time.Duration;

/**
 * The outbox worker's use case: every server instance runs a few threads that call
 * {@link #deliverDue()} until it returns 0, then {@link #awaitWork} until there may be more.
 * Safe with any number of threads and instances.
 */
public interface DeliverOutbox {

    /** Claims a batch of due items and handles each (send, retry later, or give up); returns how many. */
    int deliverDue();

    /**
     * Returns when new work may have arrived (an event changed or the outbox was filled, on any
     * instance) or after {@code longest}, whichever is first.
     */
    void awaitWork(Duration longest) throws InterruptedException;

    /** How many items stand where: the dead letters among them. */
    OutboxCounts counts();

    /** Housekeeping: deletes finished items and push windows old enough not to matter; returns how many. */
    int purge();
}
