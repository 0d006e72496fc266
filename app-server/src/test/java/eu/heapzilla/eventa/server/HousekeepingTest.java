package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

    @Test
    void purgesExpiredLinksAtStartAndThenPeriodically() throws InterruptedException {
        InMemoryAdapters adapters = new InMemoryAdapters();
        var useCases = adapters.useCases();
        useCases.signIn().requestLink(Email.of("old@example.org"), new ClientAddress("127.0.0.1"));
        adapters.clock.advance(Duration.ofDays(2));

        try (Housekeeping ignored = Housekeeping.start(useCases.purgeExpiredSecrets(), Duration.ofMillis(50))) {
            awaitEmpty(adapters);
            useCases.signIn().requestLink(Email.of("later@example.org"), new ClientAddress("127.0.0.1"));
            adapters.clock.advance(Duration.ofDays(2));
            awaitEmpty(adapters);
        }
    }

    private static void awaitEmpty(InMemoryAdapters adapters) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!adapters.magicLinks.all().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertTrue(adapters.magicLinks.all().isEmpty(), "expired links were purged");
    }
}
