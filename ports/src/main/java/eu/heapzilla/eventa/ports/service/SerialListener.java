package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.FollowChanges;

/** Makes the calls to one connection's listener take turns, whatever thread they come from. */
final class SerialListener implements FollowChanges.Listener {

    private final FollowChanges.Listener listener;

    SerialListener(FollowChanges.Listener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized boolean change(Change change) {
        return listener.change(change);
    }

    @Override
    public synchronized boolean subscribed(EventId event, long cursor) {
        return listener.subscribed(event, cursor);
    }

    @Override
    public synchronized boolean presence(EventId event, UserId user, boolean online) {
        return listener.presence(event, user, online);
    }

    @Override
    public synchronized void revoked(EventId event) {
        listener.revoked(event);
    }

    @Override
    public synchronized void resync(EventId event) {
        listener.resync(event);
    }

    @Override
    public synchronized void signedOut() {
        listener.signedOut();
    }
}
