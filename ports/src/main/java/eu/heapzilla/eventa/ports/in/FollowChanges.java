package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A member's device catches up with everything that changed in an event since it last looked,
 * page by page, or follows it live over a connection that stays open.
 */
public interface FollowChanges {

    int MAX_LIMIT = 1000;
    int DEFAULT_LIMIT = 100;

    /** The most changes a subscription replays; a device further behind is told to resync through {@link #changesSince}. */
    int MAX_REPLAY = 2000;

    /** The most events one connection follows at a time. */
    int MAX_SUBSCRIPTIONS = 50;

    /**
     * Up to {@code limit} changes after seq {@code since}, in seq order, each exactly once.
     *
     * @throws eu.heapzilla.eventa.domain.error.InvalidValue when {@code since} is negative or ahead of the
     *         event's last change, or {@code limit} is not between 1 and {@link #MAX_LIMIT}
     */
    ChangePage changesSince(UserId member, EventId event, long since, int limit);

    /**
     * @param cursor the seq to ask from next time: the last change's seq, or {@code since} when there were none
     * @param hasMore whether more changes are waiting after {@code cursor}
     */
    record ChangePage(List<Change> changes, long cursor, boolean hasMore) {

        public ChangePage {
            changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
        }
    }

    /**
     * Opens a live connection for the holder of {@code bearer}. Everything it follows reaches
     * {@code listener}; when the bearer is signed out (on any server instance) the listener hears
     * {@link Listener#signedOut()} and the connection is closed.
     *
     * @throws eu.heapzilla.eventa.domain.error.Unauthenticated when the bearer is unknown or signed out
     */
    Connection connect(Secret bearer, Listener listener);

    /** One device's live connection. Safe to call from any thread. */
    interface Connection {

        ConnectionId id();

        UserId user();

        /**
         * Follows the event: replays its changes after {@code since} (none when it is empty: the
         * device only wants what happens from now on), says {@link Listener#subscribed}, then
         * passes on every later change as it commits, each exactly once and in seq order, except
         * the ones this connection made itself. Subscribing again to the same event starts over
         * from the new {@code since}.
         *
         * @throws eu.heapzilla.eventa.domain.error.NotFound when the user is not a member (or there is no such event)
         * @throws eu.heapzilla.eventa.domain.error.InvalidValue when {@code since} is negative or ahead of the event
         * @throws eu.heapzilla.eventa.domain.error.Conflict {@code limit_reached} beyond {@link #MAX_SUBSCRIPTIONS}
         */
        void subscribe(EventId event, OptionalLong since);

        /** Stops following the event; nothing when it was not followed. */
        void unsubscribe(EventId event);

        /** Stops following everything. Idempotent. */
        void close();
    }

    /**
     * Hears what a connection follows. Calls come from several threads but never overlap for one
     * connection and arrive in order; none may block. Delivering methods answer false when the
     * device cannot take more now: the subscription then ends with {@link #resync}.
     */
    interface Listener {

        /** The next change of a followed event. */
        boolean change(Change change);

        /** The replay is done: {@code cursor} is the last seq sent; live changes follow. */
        boolean subscribed(EventId event, long cursor);

        /** A member of a followed event came online there or went offline. */
        boolean presence(EventId event, UserId user, boolean online);

        /** The user is no longer a member of the event, or it was deleted: following it has ended. */
        void revoked(EventId event);

        /**
         * The device fell too far behind to be sent changes one by one: following the event has
         * ended; it should catch up through {@link #changesSince} and subscribe again.
         */
        void resync(EventId event);

        /** The bearer was signed out: the connection has been closed. */
        void signedOut();
    }
}
