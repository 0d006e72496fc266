package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import java.util.Comparator;
import java.util.List;

/** {@link ChangeLog} in a map keyed by event and seq; announcing is a no-op in memory. */
public final class InMemoryChangeLog extends InMemoryTable<InMemoryChangeLog.Key, Change> implements ChangeLog {

    record Key(EventId event, long seq) {
    }

    public InMemoryChangeLog(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public void append(Change change) {
        insert(new Key(change.event(), change.seq()), change);
    }

    @Override
    public List<Change> after(EventId event, long since, int limit) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(c -> c.event().equals(event) && c.seq() > since)
                .sorted(Comparator.comparingLong(Change::seq))
                .limit(limit)
                .toList());
    }

    /** Every change of the event, in seq order. */
    public List<Change> of(EventId event) {
        return after(event, 0, Integer.MAX_VALUE);
    }

    void removeEvent(EventId event) {
        rows.keySet().removeIf(key -> key.event().equals(event));
    }
}
