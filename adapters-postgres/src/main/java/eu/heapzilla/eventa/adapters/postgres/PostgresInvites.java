package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toInstant;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffsetOrNull;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.EVENT_INVITES;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.EventInvitesRecord;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Invites;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

final class PostgresInvites implements Invites {

    private final JooqTransactions transactions;

    PostgresInvites(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Invite invite) {
        int inserted = transactions.dsl().insertInto(EVENT_INVITES)
                .set(EVENT_INVITES.ID, invite.id().value())
                .set(EVENT_INVITES.EVENT_ID, invite.event().value())
                .set(EVENT_INVITES.TOKEN_HASH, invite.hash().bytes())
                .set(EVENT_INVITES.EMAIL, invite.email().value())
                .set(EVENT_INVITES.ROLE, invite.role().wireName())
                .set(EVENT_INVITES.INVITED_BY, invite.invitedBy().value())
                .set(EVENT_INVITES.CREATED_AT, toOffset(invite.createdAt()))
                .set(EVENT_INVITES.EXPIRES_AT, toOffset(invite.expiresAt()))
                .set(EVENT_INVITES.ACCEPTED_AT, toOffsetOrNull(invite.acceptedAt()))
                .set(EVENT_INVITES.ACCEPTED_BY, invite.acceptedBy().map(UserId::value).orElse(null))
                .set(EVENT_INVITES.REVOKED_AT, toOffsetOrNull(invite.revokedAt()))
                .set(EVENT_INVITES.VERSION, invite.version())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            throw new IllegalStateException("an invite with id " + invite.id() + " or its hash exists");
        }
    }

    @Override
    public Optional<Invite> byId(InviteId id) {
        return transactions.dsl().selectFrom(EVENT_INVITES).where(EVENT_INVITES.ID.eq(id.value())).fetchOptional()
                .map(PostgresInvites::toInvite);
    }

    @Override
    public Optional<Invite> byHash(SecretHash hash) {
        return transactions.dsl().selectFrom(EVENT_INVITES).where(EVENT_INVITES.TOKEN_HASH.eq(hash.bytes())).fetchOptional()
                .map(PostgresInvites::toInvite);
    }

    @Override
    public List<Invite> ofEvent(EventId event) {
        return transactions.dsl().selectFrom(EVENT_INVITES)
                .where(EVENT_INVITES.EVENT_ID.eq(event.value()))
                .orderBy(EVENT_INVITES.CREATED_AT, EVENT_INVITES.ID)
                .fetch(PostgresInvites::toInvite);
    }

    @Override
    public void update(Invite invite) {
        int updated = transactions.dsl().update(EVENT_INVITES)
                .set(EVENT_INVITES.ACCEPTED_AT, toOffsetOrNull(invite.acceptedAt()))
                .set(EVENT_INVITES.ACCEPTED_BY, invite.acceptedBy().map(UserId::value).orElse(null))
                .set(EVENT_INVITES.REVOKED_AT, toOffsetOrNull(invite.revokedAt()))
                .set(EVENT_INVITES.VERSION, invite.version())
                .where(EVENT_INVITES.ID.eq(invite.id().value()))
                .execute();
        if (updated == 0) {
            throw new NotFound("invite");
        }
    }

    private static Invite toInvite(EventInvitesRecord r) {
        Optional<UUID> acceptedBy = Optional.ofNullable(r.getAcceptedBy());
        return new Invite(new InviteId(r.getId()), new EventId(r.getEventId()), SecretHash.fromBytes(r.getTokenHash()),
                new Email(r.getEmail()), Role.valueOf(r.getRole().toUpperCase(Locale.ROOT)), new UserId(r.getInvitedBy()),
                r.getCreatedAt().toInstant(), r.getExpiresAt().toInstant(), toInstant(r.getAcceptedAt()),
                acceptedBy.map(UserId::new), toInstant(r.getRevokedAt()), r.getVersion());
    }
}
