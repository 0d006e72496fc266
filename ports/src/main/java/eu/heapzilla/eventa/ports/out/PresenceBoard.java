package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.live.InstanceId;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which connections, on which server instances, follow which events: the shared record that
 * makes a member online in an event while any of their connections anywhere follows it. An
 * instance that stops sending heartbeats has crashed, and its connections are expired.
 *
 * <p>Call every method inside a transaction; the answers "came online" and "went offline" are
 * exact even when instances change the same member's presence at the same moment.
 */
public interface PresenceBoard {

    /**
     * Notes that {@code instance} is alive at {@code now}; registers it the first time.
     *
     * @return whether it was registered already; false the first time and after it was expired
     *         (it fell silent for too long, and its connections are no longer recorded)
     */
    boolean heartbeat(InstanceId instance, Instant now);

    /**
     * Records that {@code connection}, held by {@code instance} for {@code user}, follows the
     * event (again: recording it twice is harmless). The instance must have sent a heartbeat.
     *
     * @return whether this made the user online in the event: none of their other connections anywhere followed it
     */
    boolean arrive(InstanceId instance, ConnectionId connection, EventId event, UserId user, Instant now);

    /**
     * Records that {@code connection} no longer follows the event.
     *
     * @return whether this left its user offline there, their last-seen time now {@code now};
     *         false also when the connection was not recorded
     */
    boolean depart(ConnectionId connection, EventId event, Instant now);

    /**
     * Forgets every instance last heard from before {@code cutoff}, and its connections; a
     * member who goes offline by it was last seen at their instance's last heartbeat.
     *
     * @return who went offline where
     */
    List<Departure> expire(Instant cutoff);

    /** Whether each user who was ever recorded in the event is online, and when the others were last seen. */
    List<MemberPresence> of(EventId event);

    record Departure(EventId event, UserId user) {

        public Departure {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(user, "user");
        }
    }
}
