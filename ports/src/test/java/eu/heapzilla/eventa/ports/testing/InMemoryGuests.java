package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.ports.out.Guests;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Guests} in a map keyed by id. Like the database's foreign key, a guest's household
 * must be one of the guest's own event, on add and on update, and a household with guests
 * cannot be removed. Ties are broken by the ids' canonical text, the order PostgreSQL gives UUIDs.
 */
public final class InMemoryGuests extends InMemoryTable<GuestId, Guest> implements Guests {

    private static final Comparator<Guest> EARLIEST_ADDED_FIRST = Comparator
            .comparing((Guest g) -> g.revision().createdAt())
            .thenComparing(g -> g.id().value().toString());

    private final InMemoryHouseholds households;

    public InMemoryGuests(InMemoryTransactions transactions, InMemoryHouseholds households) {
        super(transactions);
        this.households = households;
        households.referencedBy((event, household) -> rows.values().stream()
                .anyMatch(g -> g.event().equals(event) && g.household().equals(household)));
    }

    @Override
    public void add(Guest guest) {
        transactions.run(() -> {
            requireHousehold(guest);
            insert(guest.id(), guest);
        });
    }

    @Override
    public Optional<Guest> byId(EventId event, GuestId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)).filter(g -> g.event().equals(event)));
    }

    @Override
    public List<Guest> ofEvent(EventId event) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(g -> g.event().equals(event))
                .sorted(EARLIEST_ADDED_FIRST)
                .toList());
    }

    @Override
    public List<Guest> ofHousehold(EventId event, HouseholdId household) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(g -> g.event().equals(event) && g.household().equals(household))
                .sorted(EARLIEST_ADDED_FIRST)
                .toList());
    }

    @Override
    public int count(EventId event) {
        return transactions.inTransaction(() -> (int) rows.values().stream().filter(g -> g.event().equals(event)).count());
    }

    @Override
    public void update(Guest guest) {
        transactions.run(() -> {
            Guest stored = byId(guest.event(), guest.id()).orElseThrow(() -> new NotFound("guest"));
            requireHousehold(guest);
            Revision revision = guest.revision();
            rows.put(stored.id(), new Guest(stored.id(), stored.event(), guest.details(),
                    new Revision(revision.version(), stored.revision().createdAt(), stored.revision().createdBy(),
                            revision.updatedAt(), revision.updatedBy())));
        });
    }

    @Override
    public boolean remove(EventId event, GuestId id) {
        return transactions.inTransaction(() -> byId(event, id).map(g -> rows.remove(g.id()) != null).orElse(false));
    }

    private void requireHousehold(Guest guest) {
        if (households.byId(guest.event(), guest.household()).isEmpty()) {
            throw new IllegalStateException("event " + guest.event() + " has no household " + guest.household());
        }
    }

    void removeEvent(EventId event) {
        rows.values().removeIf(guest -> guest.event().equals(event));
    }
}
