package eu.heapzilla.eventa.domain.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void aNewUserIsNamedAfterTheirAddressAndNeverSeen() {
        User user = User.register(UserId.random(), Email.of("jane@example.org"), T0);
        assertEquals("jane", user.displayName().value());
        assertTrue(user.lastSeenAt().isEmpty());
        assertEquals(T0, user.createdAt());
    }

    @Test
    void renamingAndSeeingKeepIdentity() {
        User user = User.register(UserId.random(), Email.of("jane@example.org"), T0);
        User later = user.renamed(DisplayName.of("Jane")).seenAt(T0.plusSeconds(60));
        assertEquals(user.id(), later.id());
        assertEquals(user.email(), later.email());
        assertEquals("Jane", later.displayName().value());
        assertEquals(Optional.of(T0.plusSeconds(60)), later.lastSeenAt());
    }
}
