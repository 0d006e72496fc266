package eu.heapzilla.eventa.ports.out;

/** Asks the database whether it answers, within a short time. */
public interface DatabaseProbe {

    /** Returns normally when the database answered; throws with a reason when it did not. */
    void ping();
}
