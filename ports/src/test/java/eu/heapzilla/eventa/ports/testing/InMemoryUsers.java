package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.Optional;

/** {@link Users} in a map; every call runs in (or joins) a transaction of its own. */
public final class InMemoryUsers extends InMemoryTable<UserId, User> implements Users {

    public InMemoryUsers(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public Optional<User> byId(UserId id) {
        return transactions.inTransaction(() -> Optional.ofNullable(rows.get(id)));
    }

    @Override
    public Optional<User> byEmail(Email email) {
        return transactions.inTransaction(
                () -> rows.values().stream().filter(u -> u.email().equals(email)).findFirst());
    }

    @Override
    public User addOrGet(User candidate) {
        return transactions.inTransaction(() -> byEmail(candidate.email()).orElseGet(() -> {
            rows.put(candidate.id(), candidate);
            return candidate;
        }));
    }

    @Override
    public void update(User user) {
        transactions.run(() -> {
            User stored = rows.get(user.id());
            if (stored == null) {
                throw new NotFound("user");
            }
            rows.put(user.id(), stored.renamed(user.displayName()).withLastSeen(user.lastSeenAt()));
        });
    }
}
