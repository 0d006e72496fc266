package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.util.List;

final class ChangeFollowing implements FollowChanges {

    private final Transactions transactions;
    private final Events events;
    private final ChangeLog changeLog;
    private final EventReads reads;
    private final LiveFeeds live;

    ChangeFollowing(Transactions transactions, Events events, ChangeLog changeLog, EventReads reads, LiveFeeds live) {
        this.transactions = transactions;
        this.events = events;
        this.changeLog = changeLog;
        this.reads = reads;
        this.live = live;
    }

    @Override
    public Connection connect(Secret bearer, Listener listener) {
        return live.connect(bearer, listener);
    }

    @Override
    public ChangePage changesSince(UserId member, EventId event, long since, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (since < 0) {
            throw new InvalidValue("since", "since must be 0 or a seq this event has reached");
        }
        return transactions.inTransaction(() -> {
            reads.requireMember(member, event);
            long last = events.lastChangeSeq(event).orElseThrow(() -> new NotFound("event"));
            if (since > last) {
                throw new InvalidValue("since", "since is " + since + " but this event's last change is " + last
                        + "; start again from 0");
            }
            List<Change> changes = changeLog.after(event, since, limit);
            long cursor = changes.isEmpty() ? since : changes.get(changes.size() - 1).seq();
            return new ChangePage(changes, cursor, cursor < last);
        });
    }
}
