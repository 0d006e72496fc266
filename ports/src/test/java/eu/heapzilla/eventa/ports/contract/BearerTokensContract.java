package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link BearerTokens} implementation must do. */
public abstract class BearerTokensContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract Users users();

    protected abstract BearerTokens bearerTokens();

    private BearerToken newBearer(Optional<DeviceLabel> label) {
        User owner = users().addOrGet(newUser());
        return BearerToken.issue(Secret.generate(RANDOM).hash(), owner.id(), label, T0);
    }

    @Test
    void storesABearerAndFindsItByHash() {
        BearerToken bearer = newBearer(Optional.of(DeviceLabel.of("Jane's phone")));
        bearerTokens().add(bearer);
        assertEquals(Optional.of(bearer), bearerTokens().byHash(bearer.hash()));
    }

    @Test
    void storesABearerWithoutADeviceLabel() {
        BearerToken bearer = newBearer(Optional.empty());
        bearerTokens().add(bearer);
        assertEquals(Optional.of(bearer), bearerTokens().byHash(bearer.hash()));
    }

    @Test
    void findsNothingForAnUnknownHash() {
        assertTrue(bearerTokens().byHash(Secret.generate(RANDOM).hash()).isEmpty());
    }

    @Test
    void updatesLastUseAndRevocationButNothingElse() {
        BearerToken bearer = newBearer(Optional.of(DeviceLabel.of("laptop")));
        bearerTokens().add(bearer);
        BearerToken changed = new BearerToken(bearer.hash(), newUser().id(), T0.plusSeconds(5), T0.plusSeconds(600),
                Optional.of(T0.plusSeconds(900)), Optional.of(DeviceLabel.of("other")));

        bearerTokens().update(changed);

        BearerToken stored = bearerTokens().byHash(bearer.hash()).orElseThrow();
        assertEquals(T0.plusSeconds(600), stored.lastUsedAt());
        assertEquals(Optional.of(T0.plusSeconds(900)), stored.revokedAt());
        assertEquals(bearer.userId(), stored.userId());
        assertEquals(bearer.createdAt(), stored.createdAt());
        assertEquals(bearer.deviceLabel(), stored.deviceLabel());
    }

    @Test
    void cannotUpdateAnUnknownBearer() {
        BearerToken bearer = newBearer(Optional.empty());
        assertThrows(NotFound.class, () -> bearerTokens().update(bearer));
    }

    @Test
    void deletesOnlyBearersRevokedBeforeTheCutoff() {
        BearerToken revokedLongAgo = newBearer(Optional.empty());
        BearerToken revokedRecently = newBearer(Optional.empty());
        BearerToken live = newBearer(Optional.empty());
        bearerTokens().add(revokedLongAgo);
        bearerTokens().add(revokedRecently);
        bearerTokens().add(live);
        bearerTokens().update(revokedLongAgo.revoke(T0));
        bearerTokens().update(revokedRecently.revoke(T0.plus(Duration.ofDays(3))));

        int deleted = bearerTokens().deleteRevokedBefore(T0.plus(Duration.ofDays(1)));

        assertTrue(deleted >= 1);
        assertTrue(bearerTokens().byHash(revokedLongAgo.hash()).isEmpty());
        assertTrue(bearerTokens().byHash(revokedRecently.hash()).isPresent());
        assertTrue(bearerTokens().byHash(live.hash()).isPresent());
    }
}
