package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.EVENT_MEMBERSHIPS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.EventMembershipsRecord;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Memberships;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class PostgresMemberships implements Memberships {

    private final JooqTransactions transactions;

    PostgresMemberships(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Membership membership) {
        int inserted = transactions.dsl().insertInto(EVENT_MEMBERSHIPS)
                .set(EVENT_MEMBERSHIPS.EVENT_ID, membership.event().value())
                .set(EVENT_MEMBERSHIPS.USER_ID, membership.user().value())
                .set(EVENT_MEMBERSHIPS.ROLE, membership.role().wireName())
                .set(EVENT_MEMBERSHIPS.JOINED_AT, toOffset(membership.joinedAt()))
                .set(EVENT_MEMBERSHIPS.VERSION, membership.version())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            throw new IllegalStateException("user " + membership.user() + " is already a member of event " + membership.event());
        }
    }

    @Override
    public Optional<Membership> of(EventId event, UserId user) {
        return transactions.dsl().selectFrom(EVENT_MEMBERSHIPS)
                .where(EVENT_MEMBERSHIPS.EVENT_ID.eq(event.value()), EVENT_MEMBERSHIPS.USER_ID.eq(user.value()))
                .fetchOptional()
                .map(PostgresMemberships::toMembership);
    }

    @Override
    public List<Membership> ofEvent(EventId event) {
        return transactions.dsl().selectFrom(EVENT_MEMBERSHIPS)
                .where(EVENT_MEMBERSHIPS.EVENT_ID.eq(event.value()))
                .orderBy(EVENT_MEMBERSHIPS.JOINED_AT, EVENT_MEMBERSHIPS.USER_ID)
                .fetch(PostgresMemberships::toMembership);
    }

    @Override
    public List<Membership> ofUser(UserId user) {
        return transactions.dsl().selectFrom(EVENT_MEMBERSHIPS)
                .where(EVENT_MEMBERSHIPS.USER_ID.eq(user.value()))
                .orderBy(EVENT_MEMBERSHIPS.JOINED_AT, EVENT_MEMBERSHIPS.EVENT_ID)
                .fetch(PostgresMemberships::toMembership);
    }

    @Override
    public void update(Membership membership) {
        int updated = transactions.dsl().update(EVENT_MEMBERSHIPS)
                .set(EVENT_MEMBERSHIPS.ROLE, membership.role().wireName())
                .set(EVENT_MEMBERSHIPS.VERSION, membership.version())
                .where(EVENT_MEMBERSHIPS.EVENT_ID.eq(membership.event().value()),
                        EVENT_MEMBERSHIPS.USER_ID.eq(membership.user().value()))
                .execute();
        if (updated == 0) {
            throw new NotFound("member");
        }
    }

    @Override
    public boolean remove(EventId event, UserId user) {
        return transactions.dsl().deleteFrom(EVENT_MEMBERSHIPS)
                .where(EVENT_MEMBERSHIPS.EVENT_ID.eq(event.value()), EVENT_MEMBERSHIPS.USER_ID.eq(user.value()))
                .execute() > 0;
    }

    private static Membership toMembership(EventMembershipsRecord r) {
        return new Membership(new EventId(r.getEventId()), new UserId(r.getUserId()),
                Role.valueOf(r.getRole().toUpperCase(Locale.ROOT)), r.getJoinedAt().toInstant(), r.getVersion());
    }
}
