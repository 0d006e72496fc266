package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link MagicLinks} in a map; the transaction lock stands in for the row lock. */
public final class InMemoryMagicLinks implements MagicLinks, InMemoryStore {

    private final InMemoryTransactions transactions;
    private Map<SecretHash, MagicLink> byHash = new LinkedHashMap<>();

    public InMemoryMagicLinks(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enrol(this);
    }

    @Override
    public void add(MagicLink link) {
        transactions.run(() -> {
            if (byHash.putIfAbsent(link.hash(), link) != null) {
                throw new IllegalStateException("a link with this hash exists");
            }
        });
    }

    @Override
    public Optional<MagicLink> lockByHash(SecretHash hash) {
        return transactions.inTransaction(() -> Optional.ofNullable(byHash.get(hash)));
    }

    @Override
    public void markConsumed(SecretHash hash, Instant consumedAt) {
        transactions.run(() -> {
            MagicLink link = byHash.get(hash);
            if (link == null) {
                throw new NotFound("sign-in link");
            }
            byHash.put(hash, new MagicLink(link.hash(), link.email(), link.createdAt(), link.expiresAt(),
                    Optional.of(consumedAt), link.requester()));
        });
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return transactions.inTransaction(() -> {
            int before = byHash.size();
            byHash.values().removeIf(link -> link.expiresAt().isBefore(cutoff));
            return before - byHash.size();
        });
    }

    /** Every stored link, for tests that look at what the store holds. */
    public List<MagicLink> all() {
        return transactions.inTransaction(() -> List.copyOf(byHash.values()));
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(byHash);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        byHash = new LinkedHashMap<>((Map<SecretHash, MagicLink>) snapshot);
    }
}
