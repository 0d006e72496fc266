package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.ports.out.Invites;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Invites} in a map keyed by id; hashes are unique as the table's unique key would have
 * them. Ties are broken by the ids' canonical text, the order PostgreSQL gives UUIDs.
 */
public final class InMemoryInvites extends InMemoryTable<InviteId, Invite> implements Invites {

    public InMemoryInvites(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public void add(Invite invite) {
        transactions.run(() -> {
            if (byHash(invite.hash()).isPresent()) {
                throw new IllegalStateException("an invite with this hash exists");
            }
            insert(invite.id(), invite);
        });
    }

    @Override
    public Optional<Invite> byId(InviteId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)));
    }

    @Override
    public Optional<Invite> byHash(SecretHash hash) {
        return transactions.inTransaction(() -> rows.values().stream().filter(i -> i.hash().equals(hash)).findFirst());
    }

    @Override
    public List<Invite> ofEvent(EventId event) {
        return transactions.inTransaction(() -> rows.values().stream()
                .filter(i -> i.event().equals(event))
                .sorted(Comparator.comparing(Invite::createdAt).thenComparing(i -> i.id().value().toString()))
                .toList());
    }

    @Override
    public void update(Invite invite) {
        transactions.run(() -> {
            Invite stored = rows.get(invite.id());
            if (stored == null) {
                throw new NotFound("invite");
            }
            rows.put(invite.id(), new Invite(stored.id(), stored.event(), stored.hash(), stored.email(), stored.role(),
                    stored.invitedBy(), stored.createdAt(), stored.expiresAt(), invite.acceptedAt(), invite.acceptedBy(),
                    invite.revokedAt(), invite.version()));
        });
    }

    void removeEvent(EventId event) {
        rows.values().removeIf(invite -> invite.event().equals(event));
    }
}
