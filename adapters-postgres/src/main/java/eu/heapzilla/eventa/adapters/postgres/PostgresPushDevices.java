package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.Timestamps.toOffset;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.PUSH_DEVICES;

import eu.heapzilla.eventa.adapters.postgres.jooq.tables.records.PushDevicesRecord;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushDevice;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.ports.out.PushDevices;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jooq.DSLContext;

/**
 * {@link PushDevices} in the {@code push_devices} table, keyed by the SHA-256 of the push token
 * (a token may be longer than a B-tree entry may be). Devices of one user that were registered
 * at the same instant are ordered by that key, so that listing and trimming agree.
 */
final class PostgresPushDevices implements PushDevices {

    private final JooqTransactions transactions;

    PostgresPushDevices(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void register(PushDevice device, int keep) {
        transactions.run(() -> {
            DSLContext dsl = transactions.dsl();
            dsl.insertInto(PUSH_DEVICES)
                    .set(PUSH_DEVICES.TOKEN_SHA256, key(device.token()))
                    .set(PUSH_DEVICES.TOKEN, device.token().value())
                    .set(PUSH_DEVICES.USER_ID, device.user().value())
                    .set(PUSH_DEVICES.PLATFORM, device.platform().wireName())
                    .set(PUSH_DEVICES.BEARER_HASH, device.bearer().bytes())
                    .set(PUSH_DEVICES.REGISTERED_AT, toOffset(device.registeredAt()))
                    .onConflict(PUSH_DEVICES.TOKEN_SHA256)
                    .doUpdate()
                    .set(PUSH_DEVICES.USER_ID, device.user().value())
                    .set(PUSH_DEVICES.PLATFORM, device.platform().wireName())
                    .set(PUSH_DEVICES.BEARER_HASH, device.bearer().bytes())
                    .set(PUSH_DEVICES.REGISTERED_AT, toOffset(device.registeredAt()))
                    .execute();
            dsl.deleteFrom(PUSH_DEVICES)
                    .where(PUSH_DEVICES.USER_ID.eq(device.user().value()),
                            PUSH_DEVICES.TOKEN_SHA256.notIn(dsl.select(PUSH_DEVICES.TOKEN_SHA256)
                                    .from(PUSH_DEVICES)
                                    .where(PUSH_DEVICES.USER_ID.eq(device.user().value()))
                                    .orderBy(PUSH_DEVICES.REGISTERED_AT.desc(), PUSH_DEVICES.TOKEN_SHA256)
                                    .limit(Math.max(keep, 0))))
                    .execute();
        });
    }

    @Override
    public boolean remove(UserId user, PushToken token) {
        return transactions.dsl().deleteFrom(PUSH_DEVICES)
                .where(PUSH_DEVICES.TOKEN_SHA256.eq(key(token)), PUSH_DEVICES.USER_ID.eq(user.value()))
                .execute() == 1;
    }

    @Override
    public void forget(PushToken token) {
        transactions.dsl().deleteFrom(PUSH_DEVICES).where(PUSH_DEVICES.TOKEN_SHA256.eq(key(token))).execute();
    }

    @Override
    public List<PushDevice> ofUser(UserId user) {
        return transactions.dsl().selectFrom(PUSH_DEVICES)
                .where(PUSH_DEVICES.USER_ID.eq(user.value()))
                .orderBy(PUSH_DEVICES.REGISTERED_AT.desc(), PUSH_DEVICES.TOKEN_SHA256)
                .fetch(PostgresPushDevices::toDevice);
    }

    /** The SHA-256 of the token's ASCII bytes, as the table's CHECK computes it. */
    private static byte[] key(PushToken token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static PushDevice toDevice(PushDevicesRecord r) {
        return new PushDevice(new PushToken(r.getToken()), new UserId(r.getUserId()), Platform.parse(r.getPlatform()),
                SecretHash.fromBytes(r.getBearerHash()), r.getRegisteredAt().toInstant());
    }
}
