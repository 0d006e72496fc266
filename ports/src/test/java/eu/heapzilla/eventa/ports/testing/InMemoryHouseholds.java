package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.ports.out.Households;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * {@link Households} in a map keyed by id. Like the database it refuses a household of an
 * unknown event, and the removal of a household that guests still belong to. Ties are broken by
 * the ids' canonical text, the order PostgreSQL gives UUIDs.
 */
public final class InMemoryHouseholds extends InMemoryTable<HouseholdId, Household> implements Households {

    private final InMemoryEvents events;
    private final List<BiPredicate<EventId, HouseholdId>> referrers = new ArrayList<>();

    public InMemoryHouseholds(InMemoryTransactions transactions, InMemoryEvents events) {
        super(transactions);
        this.events = events;
    }

    /** Refuses to remove a household for which {@code inUse} holds, as a foreign key would. */
    void referencedBy(BiPredicate<EventId, HouseholdId> inUse) {
        referrers.add(inUse);
    }

    @Override
    public void add(Household household) {
        transactions.run(() -> {
            if (events.byId(household.event()).isEmpty()) {
                throw new IllegalStateException("there is no event " + household.event());
            }
            insert(household.id(), household);
        });
    }

    @Override
    public Optional<Household> byId(EventId event, HouseholdId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)).filter(h -> h.event().equals(event)));
    }

    @Override
    public List<Household> ofEvent(EventId event) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(h -> h.event().equals(event))
                .sorted(Comparator.comparing((Household h) -> h.revision().createdAt())
                        .thenComparing(h -> h.id().value().toString()))
                .toList());
    }

    @Override
    public int count(EventId event) {
        return transactions.inTransaction(() -> (int) rows.values().stream().filter(h -> h.event().equals(event)).count());
    }

    @Override
    public void update(Household household) {
        transactions.run(() -> {
            Household stored = byId(household.event(), household.id()).orElseThrow(() -> new NotFound("household"));
            Revision revision = household.revision();
            rows.put(stored.id(), new Household(stored.id(), stored.event(), household.details(),
                    new Revision(revision.version(), stored.revision().createdAt(), stored.revision().createdBy(),
                            revision.updatedAt(), revision.updatedBy())));
        });
    }

    @Override
    public boolean remove(EventId event, HouseholdId id) {
        return transactions.inTransaction(() -> {
            if (byId(event, id).isEmpty()) {
                return false;
            }
            if (referrers.stream().anyMatch(inUse -> inUse.test(event, id))) {
                throw new IllegalStateException("household " + id + " still has guests");
            }
            rows.remove(id);
            return true;
        });
    }

    void removeEvent(EventId event) {
        rows.values().removeIf(household -> household.event().equals(event));
    }
}
