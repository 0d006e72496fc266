package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.PushDevice;
import eu.heapzilla.eventa.ports.contract.PushDevicesContract;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.PushDevices;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract, and a device going with the bearer it was registered through. */
class PostgresPushDevicesTest extends PushDevicesContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected Users users() {
        return database.persistence().users();
    }

    @Override
    protected BearerTokens bearerTokens() {
        return database.persistence().bearerTokens();
    }

    @Override
    protected PushDevices pushDevices() {
        return database.persistence().pushDevices();
    }

    @Test
    void deletingABearerDeletesTheDevicesRegisteredThroughIt() {
        UserId ann = storedUser();
        PushDevice signedOut = registered(ann, 1);
        PushDevice signedIn = registered(ann, 2);
        Instant revokedAt = Instant.parse("2026-06-02T09:00:00Z");
        BearerToken bearer = bearerTokens().byHash(signedOut.bearer()).orElseThrow();
        bearerTokens().update(bearer.revoke(revokedAt));

        assertEquals(List.of(signedIn, signedOut), pushDevices().ofUser(ann), "a revoked bearer's device stays a while");

        bearerTokens().deleteRevokedBefore(revokedAt.plusSeconds(1));

        assertEquals(List.of(signedIn), pushDevices().ofUser(ann));
    }
}
