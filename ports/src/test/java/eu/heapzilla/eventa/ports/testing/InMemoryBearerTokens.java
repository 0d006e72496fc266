package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link BearerTokens} in a map. */
public final class InMemoryBearerTokens extends InMemoryTable<SecretHash, BearerToken> implements BearerTokens {

    public InMemoryBearerTokens(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public void add(BearerToken token) {
        insert(token.hash(), token);
    }

    @Override
    public Optional<BearerToken> byHash(SecretHash hash) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(hash)));
    }

    @Override
    public void update(BearerToken token) {
        transactions.run(() -> {
            BearerToken stored = rows.get(token.hash());
            if (stored == null) {
                throw new NotFound("bearer");
            }
            rows.put(token.hash(), new BearerToken(stored.hash(), stored.userId(), stored.createdAt(),
                    token.lastUsedAt(), token.revokedAt(), stored.deviceLabel()));
        });
    }

    @Override
    public int deleteRevokedBefore(Instant cutoff) {
        return transactions.inTransaction(() -> {
            int before = rows.size();
            rows.values().removeIf(token -> token.revokedAt().map(at -> at.isBefore(cutoff)).orElse(false));
            return before - rows.size();
        });
    }

    /** Every stored bearer, for tests that look at what the store holds. */
    public List<BearerToken> all() {
        return transactions.inTransaction(() -> List.copyOf(rows.values()));
    }
}
