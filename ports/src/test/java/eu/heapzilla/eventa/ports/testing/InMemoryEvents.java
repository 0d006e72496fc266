package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.ports.out.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link Events} in a map. The store-wide lock of {@link InMemoryTransactions} already
 * serialises every transaction, so {@link #lock} needs no lock of its own. Removing an event
 * removes what the other in-memory stores hold for it, as the database's cascade does.
 */
public final class InMemoryEvents extends InMemoryTable<EventId, InMemoryEvents.Row> implements Events {

    record Row(Event event, long changeSeq) {
    }

    private final List<Consumer<EventId>> cascades = new ArrayList<>();

    public InMemoryEvents(InMemoryTransactions transactions) {
        super(transactions);
    }

    /** Runs {@code removal} for every removed event, inside the removing transaction. */
    void cascadeTo(Consumer<EventId> removal) {
        cascades.add(removal);
    }

    @Override
    public void add(Event event) {
        insert(event.id(), new Row(event, 0));
    }

    @Override
    public Optional<Event> byId(EventId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)).map(Row::event));
    }

    @Override
    public Optional<Event> lock(EventId id) {
        if (!transactions.active()) {
            throw new IllegalStateException("lock outside a transaction");
        }
        return byId(id);
    }

    @Override
    public void update(Event event) {
        transactions.run(() -> {
            Row row = existing(event.id());
            Event stored = row.event();
            rows.put(event.id(), new Row(new Event(stored.id(), event.brief(), event.version(), stored.createdAt(),
                    stored.createdBy(), event.updatedAt(), event.updatedBy()), row.changeSeq()));
        });
    }

    @Override
    public long nextChangeSeq(EventId id) {
        return transactions.inTransaction(() -> {
            Row row = existing(id);
            rows.put(id, new Row(row.event(), row.changeSeq() + 1));
            return row.changeSeq() + 1;
        });
    }

    @Override
    public Optional<Long> lastChangeSeq(EventId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)).map(Row::changeSeq));
    }

    @Override
    public void remove(EventId id) {
        transactions.run(() -> {
            if (rows.remove(id) != null) {
                cascades.forEach(cascade -> cascade.accept(id));
            }
        });
    }

    private Row existing(EventId id) {
        Row row = rows.get(id);
        if (row == null) {
            throw new NotFound("event");
        }
        return row;
    }

    /** Every stored event, for tests that look at what the store holds. */
    public List<Event> all() {
        return transactions.inTransaction(() -> rows.values().stream().map(Row::event).toList());
    }
}
