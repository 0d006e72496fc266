package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link MagicLinks} implementation must do. */
public abstract class MagicLinksContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract Transactions transactions();

    protected abstract MagicLinks magicLinks();

    static MagicLink newLink() {
        return MagicLink.issue(Secret.generate(RANDOM).hash(), uniqueEmail(), new ClientAddress("2001:db8::7"), T0);
    }

    @Test
    void storesALinkAndFindsItByHash() {
        MagicLink link = newLink();
        magicLinks().add(link);
        assertEquals(Optional.of(link), transactions().inTransaction(() -> magicLinks().lockByHash(link.hash())));
    }

    @Test
    void findsNothingForAnUnknownHash() {
        assertTrue(transactions().inTransaction(() -> magicLinks().lockByHash(newLink().hash())).isEmpty());
    }

    @Test
    void remembersThatALinkWasUsed() {
        MagicLink link = newLink();
        magicLinks().add(link);
        magicLinks().markConsumed(link.hash(), T0.plusSeconds(60));
        MagicLink stored = transactions().inTransaction(() -> magicLinks().lockByHash(link.hash())).orElseThrow();
        assertEquals(Optional.of(T0.plusSeconds(60)), stored.consumedAt());
        assertEquals(link.email(), stored.email());
        assertEquals(link.expiresAt(), stored.expiresAt());
    }

    @Test
    void cannotMarkAnUnknownLink() {
        assertThrows(NotFound.class, () -> magicLinks().markConsumed(newLink().hash(), T0));
    }

    @Test
    void aSecondTransactionThatLocksALinkSeesWhatTheFirstDid() throws Exception {
        MagicLink link = newLink();
        magicLinks().add(link);
        CountDownLatch locked = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions().run(() -> {
            magicLinks().lockByHash(link.hash()).orElseThrow();
            locked.countDown();
            pause(Duration.ofMillis(300));
            magicLinks().markConsumed(link.hash(), T0.plusSeconds(1));
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        MagicLink seenBySecond = transactions().inTransaction(() -> magicLinks().lockByHash(link.hash())).orElseThrow();
        first.get(10, TimeUnit.SECONDS);

        assertEquals(Optional.of(T0.plusSeconds(1)), seenBySecond.consumedAt(),
                "the second transaction waited for the first one's lock and saw the link used");
    }

    @Test
    void deletesOnlyLinksThatExpiredBeforeTheCutoff() {
        MagicLink old = newLink();
        MagicLink fresh = MagicLink.issue(newLink().hash(), uniqueEmail(), new ClientAddress("192.0.2.1"), T0.plus(Duration.ofDays(2)));
        magicLinks().add(old);
        magicLinks().add(fresh);

        int deleted = magicLinks().deleteExpiredBefore(T0.plus(Duration.ofDays(1)));

        assertTrue(deleted >= 1);
        assertTrue(transactions().inTransaction(() -> magicLinks().lockByHash(old.hash())).isEmpty());
        assertTrue(transactions().inTransaction(() -> magicLinks().lockByHash(fresh.hash())).isPresent());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
