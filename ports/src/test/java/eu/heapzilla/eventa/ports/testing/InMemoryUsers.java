package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link Users} in a map; every call runs in (or joins) a transaction of its own. */
public final class InMemoryUsers implements Users, InMemoryStore {

    private final InMemoryTransactions transactions;
    private Map<UserId, User> byId = new LinkedHashMap<>();

    public InMemoryUsers(InMemoryTransactions transactions) {
        this.transactions = transactions;
        transactions.enrol(this);
    }

    @Override
    public Optional<User> byId(UserId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<User> byEmail(Email email) {
        return transactions.inTransaction(
                () -> byId.values().stream().filter(u -> u.email().equals(email)).findFirst());
    }

    @Override
    public User addOrGet(User candidate) {
        return transactions.inTransaction(() -> byEmail(candidate.email()).orElseGet(() -> {
            byId.put(candidate.id(), candidate);
            return candidate;
        }));
    }

    @Override
    public void update(User user) {
        transactions.run(() -> {
            User stored = byId.get(user.id());
            if (stored == null) {
                throw new NotFound("user");
            }
            byId.put(user.id(), stored.renamed(user.displayName()).withLastSeen(user.lastSeenAt()));
        });
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(byId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        byId = new LinkedHashMap<>((Map<UserId, User>) snapshot);
    }
}
