package eu.heapzilla.eventa.domain.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.member.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private final BearerToken bearer = BearerToken.issue(Secret.generate(new SecureRandom()).hash(), UserId.random(),
            Optional.empty(), T0);

    @Test
    void worksUntilRevoked() {
        assertDoesNotThrow(bearer::checkUsable);
        BearerToken revoked = bearer.revoke(T0.plusSeconds(5));
        Unauthenticated e = assertThrows(Unauthenticated.class, revoked::checkUsable);
        assertEquals("auth_error", e.errorCode());
    }

    @Test
    void aSecondRevocationKeepsTheFirstTime() {
        BearerToken revoked = bearer.revoke(T0.plusSeconds(5));
        assertEquals(Optional.of(T0.plusSeconds(5)), revoked.revoke(T0.plusSeconds(9)).revokedAt());
    }

    @Test
    void useIsRecordedAtMostOncePerMinute() {
        assertFalse(bearer.worthRecordingUseAt(T0.plusSeconds(59)));
        assertTrue(bearer.worthRecordingUseAt(T0.plusSeconds(60)));
        assertEquals(T0.plusSeconds(60), bearer.usedAt(T0.plusSeconds(60)).lastUsedAt());
    }

    @Test
    void deviceLabelsAreShortPrintableText() {
        assertEquals("Jane's phone", DeviceLabel.of("  Jane's phone ").value());
        assertThrows(InvalidValue.class, () -> DeviceLabel.of(" "));
        assertThrows(InvalidValue.class, () -> DeviceLabel.of("x".repeat(101)));
        assertThrows(InvalidValue.class, () -> DeviceLabel.of("tab\there"));
    }
}
