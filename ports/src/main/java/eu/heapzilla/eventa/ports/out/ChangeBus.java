package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.Objects;

/**
 * Tells every server instance, after commit, what its live connections must hear of. An
 * announcement made inside a transaction is heard once that transaction commits, and never if
 * it rolls back; one made outside a transaction is heard at once. Listeners on every instance
 * (this one included) hear every announcement, in commit order per event. Announcements carry
 * no content: whoever hears "event E reached seq N" reads what it lacks from the {@link ChangeLog}.
 *
 * <p>The default adapter is PostgreSQL {@code LISTEN/NOTIFY}; Redis or NATS could replace it.
 */
public interface ChangeBus {

    void announce(Announcement announcement);

    /** Starts hearing announcements until the returned handle is closed. */
    Listening listen(Listener listener);

    /** What one instance tells all the others. */
    sealed interface Announcement {
    }

    /** The event's change log has reached {@code seq}. */
    record Changed(EventId event, long seq) implements Announcement {

        public Changed {
            Objects.requireNonNull(event, "event");
            if (seq < 1) {
                throw new IllegalArgumentException("seq starts at 1");
            }
        }
    }

    /** {@code user} came online in the event (their first connection to it anywhere) or went offline (their last). */
    record PresenceChanged(EventId event, UserId user, boolean online) implements Announcement {

        public PresenceChanged {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(user, "user");
        }
    }

    /** One of {@code user}'s bearers was signed out; connections opened with it must close. */
    record SignedOut(UserId user) implements Announcement {

        public SignedOut {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Items were added to the outbox outside any event's write (a sign-in mail): outbox workers
     * wake. A {@link Changed} wakes them too.
     */
    record OutboxFilled() implements Announcement {
    }

    /** The event is gone, and with it every member's access. */
    record EventDeleted(EventId event) implements Announcement {

        public EventDeleted {
            Objects.requireNonNull(event, "event");
        }
    }

    interface Listener {

        /** Called on the bus's own thread, one announcement at a time; must not block for long. */
        void heard(Announcement announcement);

        /**
         * Listening was interrupted (the connection to the bus was lost) and has resumed:
         * announcements made in between may never arrive, so look for what was missed.
         */
        void resumed();
    }

    interface Listening extends AutoCloseable {

        @Override
        void close();
    }
}
