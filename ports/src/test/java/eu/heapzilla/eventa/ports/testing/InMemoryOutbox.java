package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxCounts;
import eu.heapzilla.eventa.ports.out.OutboxEntry;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link Outbox} in a map keyed by id; transactions are serialised, so a claim needs no row locks. */
public final class InMemoryOutbox extends InMemoryTable<Long, InMemoryOutbox.Row> implements Outbox {

    /** One stored item and where it stands. */
    public record Row(long id, OutboxItem item, OutboxState state, int attempts, Instant dueAt, Instant createdAt,
                      Optional<Instant> finishedAt, Optional<String> note) {

        Row with(OutboxState state, int attempts, Instant dueAt, Optional<Instant> finishedAt, Optional<String> note) {
            return new Row(id, item, state, attempts, dueAt, createdAt, finishedAt, note);
        }
    }

    private long lastId;

    public InMemoryOutbox(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public long add(OutboxItem item, Instant now) {
        Objects.requireNonNull(item, "item");
        return transactions.inTransaction(() -> {
            long id = ++lastId;
            insert(id, new Row(id, item, OutboxState.PENDING, 0, now, now, Optional.empty(), Optional.empty()));
            return id;
        });
    }

    @Override
    public List<OutboxEntry> claim(int max, Instant now, Duration lease) {
        return transactions.inTransaction(() -> {
            List<Row> due = rows.values().stream()
                    .filter(row -> row.state() == OutboxState.PENDING && !row.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Row::dueAt).thenComparing(Row::id))
                    .limit(max)
                    .toList();
            List<OutboxEntry> claimed = new ArrayList<>();
            for (Row row : due) {
                Row taken = row.with(OutboxState.PENDING, row.attempts() + 1, now.plus(lease), Optional.empty(), row.note());
                rows.put(row.id(), taken);
                claimed.add(new OutboxEntry(row.id(), taken.attempts(), row.item(), row.createdAt()));
            }
            return claimed;
        });
    }

    @Override
    public boolean finish(OutboxEntry entry, OutboxState state, Instant now, Optional<String> note) {
        if (state == OutboxState.PENDING) {
            throw new IllegalArgumentException("finish in a final state");
        }
        return transactions.inTransaction(() -> {
            Row row = current(entry);
            if (row == null) {
                return false;
            }
            rows.put(row.id(), row.with(state, row.attempts(), row.dueAt(), Optional.of(now), note));
            return true;
        });
    }

    @Override
    public boolean retry(OutboxEntry entry, Instant due, String reason) {
        return transactions.inTransaction(() -> {
            Row row = current(entry);
            if (row == null) {
                return false;
            }
            rows.put(row.id(), row.with(OutboxState.PENDING, row.attempts(), due, Optional.empty(), Optional.of(reason)));
            return true;
        });
    }

    @Override
    public OutboxCounts counts() {
        return transactions.inTransaction(() -> new OutboxCounts(count(OutboxState.PENDING),
                rows.values().stream().filter(row -> row.state() == OutboxState.PENDING && row.note().isPresent()).count(),
                count(OutboxState.DELIVERED), count(OutboxState.DROPPED), count(OutboxState.DEAD),
                rows.values().stream().filter(row -> row.state() == OutboxState.PENDING).map(Row::createdAt)
                        .min(Comparator.naturalOrder())));
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        return transactions.inTransaction(() -> {
            int before = rows.size();
            rows.values().removeIf(row -> (row.state() == OutboxState.DELIVERED || row.state() == OutboxState.DROPPED)
                    && row.finishedAt().map(at -> at.isBefore(cutoff)).orElse(false));
            return before - rows.size();
        });
    }

    /** Every stored item, oldest first, for tests. */
    public List<Row> all() {
        return transactions.inTransaction(() -> List.copyOf(rows.values()));
    }

    /** The stored items holding {@code type}, oldest first, for tests. */
    public <T extends OutboxItem> List<T> items(Class<T> type) {
        return all().stream().map(Row::item).filter(type::isInstance).map(type::cast).toList();
    }

    private Row current(OutboxEntry entry) {
        Row row = rows.get(entry.id());
        return row != null && row.state() == OutboxState.PENDING && row.attempts() == entry.attempt() ? row : null;
    }

    private long count(OutboxState state) {
        return rows.values().stream().filter(row -> row.state() == state).count();
    }
}
