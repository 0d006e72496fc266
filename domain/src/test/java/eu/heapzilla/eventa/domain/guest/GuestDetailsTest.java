package eu.heapzilla.eventa.domain.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuestDetailsTest {

    private static final HouseholdId HOUSEHOLD = HouseholdId.random();
    private static final UserId ALEX = new UserId(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aNamedPlusOneNeedsThePlusOneAllowed() {
        GuestDetails.Edit named = GuestDetails.Edit.none().withPlusOneName(Optional.of("Sam"));
        InvalidValue refused = assertThrows(InvalidValue.class, () -> GuestDetails.named(HOUSEHOLD, "Ann").edited(named));
        assertEquals("plus_one_name", refused.info().get("field"));
        GuestDetails allowed = GuestDetails.named(HOUSEHOLD, "Ann").edited(named.withPlusOne(true));
        assertEquals(Optional.of("Sam"), allowed.plusOneName());
    }

    @Test
    void takingThePlusOneAwayForgetsTheirNameUnlessTheEditNamesOne() {
        GuestDetails withCompanion = GuestDetails.named(HOUSEHOLD, "Ann")
                .edited(GuestDetails.Edit.none().withPlusOne(true).withPlusOneName(Optional.of("Sam")));
        GuestDetails alone = withCompanion.edited(GuestDetails.Edit.none().withPlusOne(false));
        assertFalse(alone.plusOne());
        assertTrue(alone.plusOneName().isEmpty());
        assertThrows(InvalidValue.class, () -> withCompanion.edited(
                GuestDetails.Edit.none().withPlusOne(false).withPlusOneName(Optional.of("Sam"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+43 1 234 567", "(0664) 123-45-67", "030/1234.56"})
    void phoneNumbersAreKeptAsTyped(String phone) {
        assertEquals(Optional.of(phone), GuestDetails.phone(phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "+-()", "12345678901234567890123456789012345678901", "1\n2"})
    void somethingThatIsNoPhoneNumberIsRefused(String phone) {
        assertEquals("phone", assertThrows(InvalidValue.class, () -> GuestDetails.phone(phone)).info().get("field"));
    }

    @Test
    void aBlankPhoneMeansNone() {
        assertTrue(GuestDetails.phone("  ").isEmpty());
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefusedAndOneThatChangesNothingKeepsTheGuest() {
        Guest guest = Guest.create(GuestId.random(), EventId.random(), GuestDetails.named(HOUSEHOLD, "Ann"), ALEX, NOW);
        assertSame(guest, guest.edited(1, GuestDetails.Edit.none().withName("Ann"), ALEX, NOW));
        Guest answered = guest.edited(1, GuestDetails.Edit.none().withRsvp(Rsvp.YES), ALEX, NOW.plusSeconds(5));
        assertEquals(2, answered.version());
        assertEquals(NOW.plusSeconds(5), answered.updatedAt());
        assertEquals(NOW, answered.revision().createdAt());
        assertThrows(VersionConflict.class, () -> answered.edited(1, GuestDetails.Edit.none().withRsvp(Rsvp.NO), ALEX, NOW));
    }

    @Test
    void rsvpAnswersHaveLowerCaseWireNames() {
        for (Rsvp rsvp : Rsvp.values()) {
            assertEquals(rsvp, Rsvp.parse("rsvp", rsvp.wireName()));
        }
        assertThrows(InvalidValue.class, () -> Rsvp.parse("rsvp", "YES"));
    }
}
