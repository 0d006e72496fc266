package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.PushWindows;
import java.time.Duration;
import java.time.Instant;

/** {@link PushWindows} in a map from (user, event) to when the window opened. */
public final class InMemoryPushWindows extends InMemoryTable<InMemoryPushWindows.Pair, Instant> implements PushWindows {

    record Pair(UserId user, EventId event) {
    }

    public InMemoryPushWindows(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public boolean open(UserId user, EventId event, Instant now, Duration window) {
        return transactions.inTransaction(() -> {
            Pair pair = new Pair(user, event);
            Instant opened = rows.get(pair);
            if (opened != null && opened.plus(window).isAfter(now)) {
                return false;
            }
            rows.put(pair, now);
            return true;
        });
    }

    @Override
    public int deleteOpenedBefore(Instant cutoff) {
        return transactions.inTransaction(() -> {
            int before = rows.size();
            rows.values().removeIf(opened -> opened.isBefore(cutoff));
            return before - rows.size();
        });
    }
}
