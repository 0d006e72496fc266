package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link MagicLinks} in a map; the transaction lock stands in for the row lock. */
public final class InMemoryMagicLinks extends InMemoryTable<SecretHash, MagicLink> implements MagicLinks {

    public InMemoryMagicLinks(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public void add(MagicLink link) {
        insert(link.hash(), link);
    }

    @Override
    public Optional<MagicLink> lockByHash(SecretHash hash) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(hash)));
    }

    @Override
    public void markConsumed(SecretHash hash, Instant consumedAt) {
        transactions.run(() -> {
            MagicLink link = rows.get(hash);
            if (link == null) {
                throw new NotFound("sign-in link");
            }
            rows.put(hash, new MagicLink(link.hash(), link.email(), link.createdAt(), link.expiresAt(),
                    Optional.of(consumedAt), link.requester()));
        });
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return transactions.inTransaction(() -> {
            int before = rows.size();
            rows.values().removeIf(link -> link.expiresAt().isBefore(cutoff));
            return before - rows.size();
        });
    }

    /** Every stored link, for tests that look at what the store holds. */
    public List<MagicLink> all() {
        return transactions.inTransaction(() -> List.copyOf(rows.values()));
    }
}
