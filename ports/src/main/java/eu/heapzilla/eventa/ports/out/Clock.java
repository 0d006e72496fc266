package eu.heapzilla.eventa.ports.out;

import java.time.Instant;

/** The current instant. Every rule that depends on time asks this, never the system. */
public interface Clock {

    Instant now();

    /** The wall clock of this machine. */
    static Clock system() {
        return Instant::now;
    }
}
