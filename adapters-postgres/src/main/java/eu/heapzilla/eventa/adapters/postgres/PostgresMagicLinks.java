package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toInstant;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.MAGIC_LINKS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.MagicLinksRecord;
import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import java.time.Instant;
import java.util.Optional;

final class PostgresMagicLinks implements MagicLinks {

    private final JooqTransactions transactions;

    PostgresMagicLinks(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(MagicLink link) {
        transactions.dsl().insertInto(MAGIC_LINKS)
                .set(MAGIC_LINKS.TOKEN_HASH, link.hash().bytes())
                .set(MAGIC_LINKS.EMAIL, link.email().value())
                .set(MAGIC_LINKS.CREATED_AT, toOffset(link.createdAt()))
                .set(MAGIC_LINKS.EXPIRES_AT, toOffset(link.expiresAt()))
                .set(MAGIC_LINKS.CONSUMED_AT, Timestamps.toOffsetOrNull(link.consumedAt()))
                .set(MAGIC_LINKS.REQUESTER_IP, link.requester().value())
                .execute();
    }

    @Override
    public Optional<MagicLink> lockByHash(SecretHash hash) {
        return transactions.dsl().selectFrom(MAGIC_LINKS)
                .where(MAGIC_LINKS.TOKEN_HASH.eq(hash.bytes()))
                .forUpdate()
                .fetchOptional()
                .map(PostgresMagicLinks::toLink);
    }

    @Override
    public void markConsumed(SecretHash hash, Instant consumedAt) {
        int updated = transactions.dsl().update(MAGIC_LINKS)
                .set(MAGIC_LINKS.CONSUMED_AT, toOffset(consumedAt))
                .where(MAGIC_LINKS.TOKEN_HASH.eq(hash.bytes()))
                .execute();
        if (updated == 0) {
            throw new NotFound("sign-in link");
        }
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        return transactions.dsl().deleteFrom(MAGIC_LINKS).where(MAGIC_LINKS.EXPIRES_AT.lt(toOffset(cutoff))).execute();
    }

    private static MagicLink toLink(MagicLinksRecord r) {
        return new MagicLink(SecretHash.fromBytes(r.getTokenHash()), new Email(r.getEmail()), r.getCreatedAt().toInstant(),
                r.getExpiresAt().toInstant(), toInstant(r.getConsumedAt()), new ClientAddress(r.getRequesterIp()));
    }
}
