package eu.heapzilla.eventa.ports.in;

import java.time.Duration;

/**
 * Housekeeping that every server instance runs every few seconds: say that this instance is
 * alive, and take the members of instances that stopped saying so (they crashed) offline.
 */
public interface ExpireLostConnections {

    /** How often an instance should say it is alive. */
    Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    /** How long an instance may stay silent before its connections are expired. */
    Duration TIMEOUT = Duration.ofSeconds(30);

    /** @return how many members went offline in some event because their instance went silent */
    int sweep();
}
