package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link BearerTokens} in a map. */
public final class InMemoryBearerTokens implements BearerTokens, InMemoryStore {

    private final InMemoryTransactions transactions;
    private Map<SecretHash, BearerToken> byHash = new LinkedHashMap<>();

    public InMemoryBearerTokens(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enrol(this);
    }

    @Override
    public void add(BearerToken token) {
        transactions.run(() -> {
            if (byHash.putIfAbsent(token.hash(), token) != null) {
                throw new IllegalStateException("a bearer with this hash exists");
            }
        });
    }

    @Override
    public Optional<BearerToken> byHash(SecretHash hash) {
        return transactions.inTransaction(() -> Optional.ofNullable(byHash.get(hash)));
    }

    @Override
    public void update(BearerToken token) {
        transactions.run(() -> {
            BearerToken stored = byHash.get(token.hash());
            if (stored == null) {
                throw new NotFound("bearer");
            }
            byHash.put(token.hash(), new BearerToken(stored.hash(), stored.userId(), stored.createdAt(),
                    token.lastUsedAt(), token.revokedAt(), stored.deviceLabel()));
        });
    }

    @Override
    public int deleteRevokedBefore(Instant cutoff) {
        return transactions.inTransaction(() -> {
            int before = byHash.size();
            byHash.values().removeIf(token -> token.revokedAt().map(at -> at.isBefore(cutoff)).orElse(false));
            return before - byHash.size();
        });
    }

    /** Every stored bearer, for tests that look at what the store holds. */
    public List<BearerToken> all() {
        return transactions.inTransaction(() -> List.copyOf(byHash.values()));
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(byHash);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        byHash = new LinkedHashMap<>((Map<SecretHash, BearerToken>) snapshot);
    }
}
