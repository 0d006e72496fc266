package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.live.ConnectionId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One device's live connection on this instance: its subscriptions, and the events it counts
 * as present in (a subscription that ended in a resync still counts, as the device is about to
 * subscribe again; an unsubscribe, a revocation or the connection's end does not).
 */
final class LiveConnection implements FollowChanges.Connection {

    private final LiveFeeds hub;
    private final ConnectionId id;
    private final UserId user;
    private final SecretHash bearer;
    private final FollowChanges.Listener listener;
    private final ConcurrentMap<EventId, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Set<EventId> present = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    LiveConnection(LiveFeeds hub, ConnectionId id, UserId user, SecretHash bearer, FollowChanges.Listener listener) {
        this.hub = hub;
        this.id = id;
        this.user = user;
        this.bearer = bearer;
        this.listener = listener;
    }

    @Override
    public ConnectionId id() {
        return id;
    }

    @Override
    public UserId user() {
        return user;
    }

    SecretHash bearer() {
        return bearer;
    }

    /** The events this connection counts as present in. */
    List<EventId> presentIn() {
        return List.copyOf(present);
    }

    FollowChanges.Listener listener() {
        return listener;
    }

    @Override
    public void subscribe(EventId event, OptionalLong from) {
        long since = from.orElse(0);
        if (since < 0) {
            throw new InvalidValue("since", "since must be 0 or a seq this event has reached");
        }
        long last = hub.transactions.inTransaction(() -> {
            hub.reads.requireMember(user, event);
            return hub.events.lastChangeSeq(event).orElseThrow(() -> new NotFound("event"));
        });
        if (since > last) {
            throw new InvalidValue("since", "since is " + since + " but this event's last change is " + last
                    + "; start again from 0");
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            Subscription previous = subscriptions.get(event);
            if (previous == null && subscriptions.size() >= FollowChanges.MAX_SUBSCRIPTIONS) {
                throw new Conflict("limit_reached", "a connection can follow at most " + FollowChanges.MAX_SUBSCRIPTIONS
                        + " events at a time", Map.of("limit", FollowChanges.MAX_SUBSCRIPTIONS));
            }
            if (previous != null) {
                stop(previous);
            }
        }
        Subscription subscription = new Subscription(this, event, since);
        long upTo = attach(subscription);
        if (from.isEmpty()) {
            since = subscription.startAt(upTo);
        }
        synchronized (this) {
            if (closed) {
                stop(subscription);
                return;
            }
            subscriptions.put(event, subscription);
        }
        if (upTo - since > FollowChanges.MAX_REPLAY) {
            overflowed(subscription);
            return;
        }
        if (!replay(subscription, since, upTo) || !subscription.goLive()) {
            overflowed(subscription);
            return;
        }
        if (subscription.ended()) {
            return;
        }
        if (present.add(event)) {
            hub.arrive(this, event);
        }
    }

    private long attach(Subscription subscription) {
        while (true) {
            Feed feed = hub.feed(subscription.event());
            long upTo = feed.attach(subscription);
            if (upTo >= 0) {
                subscription.attachedTo(feed);
                return upTo;
            }
        }
    }

    /** Sends the changes after {@code since} up to {@code upTo}, read page by page. @return false on overflow */
    private boolean replay(Subscription subscription, long since, long upTo) {
        long cursor = since;
        while (cursor < upTo) {
            long from = cursor;
            int page = (int) Math.min(Feed.PAGE, upTo - from);
            List<Change> changes = hub.transactions.inTransaction(() -> hub.changeLog.after(subscription.event(), from, page));
            if (changes.isEmpty()) {
                return true; // the event was deleted meanwhile; its announcement ends this subscription
            }
            for (Change change : changes) {
                if (Feed.removes(change, user)) {
                    revoked(subscription);
                    return true;
                }
                if (!subscription.replay(change)) {
                    return false;
                }
                cursor = change.seq();
            }
        }
        return true;
    }

    @Override
    public void unsubscribe(EventId event) {
        Subscription subscription = subscriptions.remove(event);
        if (subscription != null) {
            stop(subscription);
        }
        if (present.remove(event)) {
            hub.depart(this, event);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        hub.closed(this);
        for (EventId event : List.copyOf(subscriptions.keySet())) {
            unsubscribe(event);
        }
        for (EventId event : List.copyOf(present)) {
            unsubscribe(event);
        }
    }

    /** The bearer was signed out somewhere: end everything and say so. */
    void signOut() {
        close();
        listener.signedOut();
    }

    /** The user left the event or it was deleted. */
    void revoked(Subscription subscription) {
        if (stop(subscription)) {
            subscriptions.remove(subscription.event(), subscription);
            if (present.remove(subscription.event())) {
                hub.depart(this, subscription.event());
            }
            listener.revoked(subscription.event());
        }
    }

    /** The device cannot keep up: stop sending it the event one change at a time. */
    void overflowed(Subscription subscription) {
        if (stop(subscription)) {
            subscriptions.remove(subscription.event(), subscription);
            listener.resync(subscription.event());
        }
    }

    private static boolean stop(Subscription subscription) {
        if (!subscription.end()) {
            return false;
        }
        Feed feed = subscription.feed();
        if (feed != null) {
            feed.detach(subscription);
        }
        return true;
    }
}
