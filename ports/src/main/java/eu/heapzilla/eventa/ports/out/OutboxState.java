package eu.heapzilla.eventa.ports.out;

/** Where an outbox item stands. Only {@link #PENDING} items are ever claimed. */
public enum OutboxState {
    /** Waiting to be (re)tried, or claimed by a worker right now. */
    PENDING,
    /** Done: sent, or fanned out. */
    DELIVERED,
    /** Not sent, and no use trying: the device it was for is gone. */
    DROPPED,
    /** Given up after a failure that will not pass, or too many attempts: the dead letters. */
    DEAD
}
