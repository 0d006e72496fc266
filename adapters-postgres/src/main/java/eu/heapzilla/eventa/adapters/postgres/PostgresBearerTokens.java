package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toInstant;
import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.BEARER_TOKENS;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.BearerTokensRecord;
import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import java.time.Instant;
import java.util.Optional;

final class PostgresBearerTokens implements BearerTokens {

    private final JooqTransactions transactions;

    PostgresBearerTokens(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(BearerToken token) {
        transactions.dsl().insertInto(BEARER_TOKENS)
                .set(BEARER_TOKENS.TOKEN_HASH, token.hash().bytes())
                .set(BEARER_TOKENS.USER_ID, token.userId().value())
                .set(BEARER_TOKENS.CREATED_AT, toOffset(token.createdAt()))
                .set(BEARER_TOKENS.LAST_USED_AT, toOffset(token.lastUsedAt()))
                .set(BEARER_TOKENS.REVOKED_AT, Timestamps.toOffsetOrNull(token.revokedAt()))
                .set(BEARER_TOKENS.DEVICE_LABEL, token.deviceLabel().map(DeviceLabel::value).orElse(null))
                .execute();
    }

    @Override
    public Optional<BearerToken> byHash(SecretHash hash) {
        return transactions.dsl().selectFrom(BEARER_TOKENS)
                .where(BEARER_TOKENS.TOKEN_HASH.eq(hash.bytes()))
                .fetchOptional()
                .map(PostgresBearerTokens::toToken);
    }

    @Override
    public void update(BearerToken token) {
        int updated = transactions.dsl().update(BEARER_TOKENS)
                .set(BEARER_TOKENS.LAST_USED_AT, toOffset(token.lastUsedAt()))
                .set(BEARER_TOKENS.REVOKED_AT, Timestamps.toOffsetOrNull(token.revokedAt()))
                .where(BEARER_TOKENS.TOKEN_HASH.eq(token.hash().bytes()))
                .execute();
        if (updated == 0) {
            throw new NotFound("bearer");
        }
    }

    @Override
    public int deleteRevokedBefore(Instant cutoff) {
        return transactions.dsl().deleteFrom(BEARER_TOKENS).where(BEARER_TOKENS.REVOKED_AT.lt(toOffset(cutoff))).execute();
    }

    private static BearerToken toToken(BearerTokensRecord r) {
        return new BearerToken(SecretHash.fromBytes(r.getTokenHash()), new UserId(r.getUserId()), r.getCreatedAt().toInstant(),
                r.getLastUsedAt().toInstant(), toInstant(r.getRevokedAt()), Optional.ofNullable(r.getDeviceLabel()).map(DeviceLabel::new));
    }
}
