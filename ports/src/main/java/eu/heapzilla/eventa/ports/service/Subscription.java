package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * One connection following one event. While its replay runs, live changes and presence wait
 * in a bounded buffer; then the buffer is passed on, dropping what the replay already sent,
 * and the subscription goes live. The cursor only moves forward, so nothing is sent twice.
 */
final class Subscription {

    /** The most live messages held back while a replay runs. */
    static final int MAX_PENDING = 4096;

    private final LiveConnection connection;
    private final EventId event;
    private final Queue<Object> pending = new ArrayDeque<>();
    private Feed feed;
    private long cursor;
    private boolean live;
    private boolean ended;

    Subscription(LiveConnection connection, EventId event, long since) {
        this.connection = connection;
        this.event = event;
        this.cursor = since;
    }

    LiveConnection connection() {
        return connection;
    }

    EventId event() {
        return event;
    }

    synchronized Feed feed() {
        return feed;
    }

    synchronized void attachedTo(Feed feed) {
        this.feed = feed;
    }

    /** Skips everything up to {@code seq}: the device wants only what comes after. @return {@code seq} */
    synchronized long startAt(long seq) {
        cursor = Math.max(cursor, seq);
        return cursor;
    }

    /** A live change from the feed. @return false when the device cannot take more */
    synchronized boolean offer(Change change) {
        if (ended) {
            return true;
        }
        if (!live) {
            return hold(change);
        }
        return deliver(change);
    }

    /** A presence change from the feed; a member is not told about themselves. @return false when the device cannot take more */
    synchronized boolean offerPresence(UserId user, boolean online) {
        if (ended || user.equals(connection.user())) {
            return true;
        }
        if (!live) {
            return hold(new Presence(user, online));
        }
        return connection.listener().presence(event, user, online);
    }

    /** A change from the replay. @return false when the device cannot take more */
    synchronized boolean replay(Change change) {
        return ended || deliver(change);
    }

    /** Passes on what waited during the replay and says so. @return false when the device cannot take more */
    synchronized boolean goLive() {
        if (ended) {
            return true;
        }
        for (Object held : pending) {
            boolean taken = held instanceof Change change ? deliver(change)
                    : connection.listener().presence(event, ((Presence) held).user(), ((Presence) held).online());
            if (!taken) {
                pending.clear();
                return false;
            }
        }
        pending.clear();
        live = true;
        return connection.listener().subscribed(event, cursor);
    }

    synchronized boolean ended() {
        return ended;
    }

    /** Ends the subscription. @return whether it was still running */
    synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        pending.clear();
        return true;
    }

    private boolean hold(Object message) {
        if (pending.size() >= MAX_PENDING) {
            return false;
        }
        pending.add(message);
        return true;
    }

    private boolean deliver(Change change) {
        if (change.seq() <= cursor) {
            return true;
        }
        cursor = change.seq();
        if (change.madeThrough(connection.id(), connection.user())) {
            return true;
        }
        return connection.listener().change(change);
    }

    private record Presence(UserId user, boolean online) {
    }
}
