package eu.heapzilla.eventa.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void joiningStartsAtVersionOneAndARoleChangeBumpsItKeepingTheRest() {
        Membership joined = Membership.join(EventId.random(), UserId.random(), Role.VIEWER, T0);
        assertEquals(1, joined.version());

        Membership promoted = joined.withRole(Role.EDITOR);

        assertEquals(Role.EDITOR, promoted.role());
        assertEquals(2, promoted.version());
        assertEquals(T0, promoted.joinedAt());
        assertEquals(joined.event(), promoted.event());
        assertEquals(joined.user(), promoted.user());
    }

    @Test
    void versionsStartAtOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new Membership(EventId.random(), UserId.random(), Role.OWNER, T0, 0));
    }
}
