package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.USERS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.UsersRecord;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.Optional;

final class PostgresUsers implements Users {

    private final JooqTransactions transactions;

    PostgresUsers(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<User> byId(UserId id) {
        return transactions.dsl().selectFrom(USERS).where(USERS.ID.eq(id.value())).fetchOptional().map(PostgresUsers::toUser);
    }

    @Override
    public Optional<User> byEmail(Email email) {
        return transactions.dsl().selectFrom(USERS).where(USERS.EMAIL.eq(email.value())).fetchOptional().map(PostgresUsers::toUser);
    }

    @Override
    public User addOrGet(User candidate) {
        return transactions.inTransaction(() -> transactions.dsl()
                .insertInto(USERS)
                .set(USERS.ID, candidate.id().value())
                .set(USERS.EMAIL, candidate.email().value())
                .set(USERS.DISPLAY_NAME, candidate.displayName().value())
                .set(USERS.CREATED_AT, Timestamps.toOffset(candidate.createdAt()))
                .set(USERS.LAST_SEEN_AT, candidate.lastSeenAt().map(Timestamps::toOffset).orElse(null))
                .onConflict(USERS.EMAIL).doNothing()
                .returning()
                .fetchOptional()
                .map(PostgresUsers::toUser)
                .orElseGet(() -> byEmail(candidate.email()).orElseThrow()));
    }

    @Override
    public void update(User user) {
        int updated = transactions.dsl().update(USERS)
                .set(USERS.DISPLAY_NAME, user.displayName().value())
                .set(USERS.LAST_SEEN_AT, user.lastSeenAt().map(Timestamps::toOffset).orElse(null))
                .where(USERS.ID.eq(user.id().value()))
                .execute();
        if (updated == 0) {
            throw new NotFound("user");
        }
    }

    private static User toUser(UsersRecord r) {
        return new User(new UserId(r.getId()), new Email(r.getEmail()), new DisplayName(r.getDisplayName()),
                r.getCreatedAt().toInstant(), Timestamps.toInstant(r.getLastSeenAt()));
    }
}
