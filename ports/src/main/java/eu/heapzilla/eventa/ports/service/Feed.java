package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * One event as followed on this instance: the last seq passed on to its subscriptions, and
 * the subscriptions. Everything happens under the feed's lock, so each change is read once
 * and offered to every subscription in seq order; a feed that lost its last subscription is
 * closed and a new one takes its place.
 */
final class Feed {

    static final int PAGE = 500;

    private final LiveFeeds hub;
    private final EventId event;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private long lastSeq = -1;
    private boolean closed;

    Feed(LiveFeeds hub, EventId event) {
        this.hub = hub;
        this.event = event;
    }

    EventId event() {
        return event;
    }

    /**
     * Adds the subscription; every change after the returned seq will be offered to it.
     *
     * @return the last seq this feed has passed on, or -1 when the feed is closed (take a fresh one)
     */
    synchronized long attach(Subscription subscription) {
        if (closed) {
            return -1;
        }
        if (lastSeq < 0) {
            // Read while already visible to the bus: a change committed after this read is announced to us.
            lastSeq = hub.transactions.inTransaction(() -> hub.events.lastChangeSeq(event)).orElse(0L);
        }
        subscriptions.add(subscription);
        return lastSeq;
    }

    synchronized void detach(Subscription subscription) {
        if (subscriptions.remove(subscription) && subscriptions.isEmpty()) {
            closed = true;
            hub.forget(this);
        }
    }

    /** Reads and offers every change up to {@code seq} (or beyond) that has not been passed on yet. */
    synchronized void advance(long seq) {
        while (!closed && seq > lastSeq) {
            long from = lastSeq;
            List<Change> page = hub.transactions.inTransaction(() -> hub.changeLog.after(event, from, PAGE));
            for (Change change : page) {
                lastSeq = change.seq();
                dispatch(change);
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private void dispatch(Change change) {
        for (Subscription subscription : List.copyOf(subscriptions)) {
            if (removes(change, subscription.connection().user())) {
                subscription.connection().revoked(subscription);
            } else if (!subscription.offer(change)) {
                subscription.connection().overflowed(subscription);
            }
        }
    }

    synchronized void presence(UserId user, boolean online) {
        for (Subscription subscription : List.copyOf(subscriptions)) {
            if (!subscription.offerPresence(user, online)) {
                subscription.connection().overflowed(subscription);
            }
        }
    }

    synchronized void revokeAll() {
        for (Subscription subscription : List.copyOf(subscriptions)) {
            subscription.connection().revoked(subscription);
        }
    }

    /** Whether the change takes {@code user} out of the event. */
    static boolean removes(Change change, UserId user) {
        return change.entityType() == EntityType.MEMBER && change.op() == ChangeOp.DELETED
                && change.entityId().equals(user.toString());
    }
}
