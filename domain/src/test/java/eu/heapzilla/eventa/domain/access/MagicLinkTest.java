package eu.heapzilla.eventa.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.member.Email;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MagicLinkTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private final MagicLink link = MagicLink.issue(Secret.generate(new SecureRandom()).hash(), Email.of("jane@example.org"),
            new ClientAddress("127.0.0.1"), T0);

    @Test
    void expiresThirtyMinutesAfterItWasIssued() {
        assertEquals(T0.plus(Duration.ofMinutes(30)), link.expiresAt());
    }

    @Test
    void canBeUsedUpToItsLastMoment() {
        Instant last = T0.plus(Duration.ofMinutes(30)).minusMillis(1);
        assertEquals(Optional.of(last), link.consume(last).consumedAt());
    }

    @Test
    void isGoneOnceExpired() {
        Gone e = assertThrows(Gone.class, () -> link.consume(T0.plus(Duration.ofMinutes(30))));
        assertEquals("gone", e.errorCode());
    }

    @Test
    void isGoneOnceUsed() {
        MagicLink used = link.consume(T0.plusSeconds(10));
        assertThrows(Gone.class, () -> used.consume(T0.plusSeconds(11)));
    }
}
