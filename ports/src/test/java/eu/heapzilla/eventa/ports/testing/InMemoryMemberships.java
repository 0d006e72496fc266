package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Memberships;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Memberships} in a map keyed by event and user. Ties are broken by the ids' canonical
 * text, which orders UUIDs as PostgreSQL does (Java's {@code UUID.compareTo} is signed).
 */
public final class InMemoryMemberships extends InMemoryTable<InMemoryMemberships.Key, Membership> implements Memberships {

    record Key(EventId event, UserId user) {
    }

    public InMemoryMemberships(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public void add(Membership membership) {
        insert(new Key(membership.event(), membership.user()), membership);
    }

    @Override
    public Optional<Membership> of(EventId event, UserId user) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(new Key(event, user))));
    }

    @Override
    public List<Membership> ofEvent(EventId event) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(m -> m.event().equals(event))
                .sorted(Comparator.comparing(Membership::joinedAt).thenComparing(m -> m.user().value().toString()))
                .toList());
    }

    @Override
    public List<Membership> ofUser(UserId user) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(m -> m.user().equals(user))
                .sorted(Comparator.comparing(Membership::joinedAt).thenComparing(m -> m.event().value().toString()))
                .toList());
    }

    @Override
    public void update(Membership membership) {
        transactions.run(() -> {
            Key key = new Key(membership.event(), membership.user());
            Membership stored = rows.get(key);
            if (stored == null) {
                throw new NotFound("member");
            }
            rows.put(key, new Membership(stored.event(), stored.user(), membership.role(), stored.joinedAt(),
                    membership.version()));
        });
    }

    @Override
    public boolean remove(EventId event, UserId user) {
        return transactions.inTransaction(() -> rows.remove(new Key(event, user)) != null);
    }

    void removeEvent(EventId event) {
        rows.keySet().removeIf(key -> key.event().equals(event));
    }
}
