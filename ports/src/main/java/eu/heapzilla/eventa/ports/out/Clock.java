package eu.heapzilla.eventa.ports.out;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant. Every rule that depends on time asks this, never the system. */
public interface Clock {

    Instant now();

    /** The wall clock of this machine, to the microsecond: as precise as the database keeps time. */
    static Clock system() {
        return () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
