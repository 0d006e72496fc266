package eu.heapzilla.eventa.domain.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void normalisesWhatPeopleType() {
        assertEquals("jane.doe+wedding@example.org", Email.of("  Jane.Doe+Wedding@Example.ORG \n").value());
    }

    @Test
    void twoSpellingsAreOneIdentity() {
        assertEquals(Email.of("GERDA@example.com"), Email.of("gerda@EXAMPLE.com"));
    }

    @Test
    void constructorRejectsUnnormalisedText() {
        assertThrows(InvalidValue.class, () -> new Email("Jane@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "jane", "jane@", "@example.org", "jane@example", "jane@@example.org",
        "ja ne@example.org", "jane@exa mple.org", ".jane@example.org", "jane.@example.org", "ja..ne@example.org",
        "jane@-example.org", "jane@example-.org", "jane@example..org"})
    void rejectsMalformedAddresses(String typed) {
        InvalidValue e = assertThrows(InvalidValue.class, () -> Email.of(typed));
        assertEquals("email", e.field());
        assertEquals("validation_error", e.errorCode());
    }

    @Test
    void rejectsNull() {
        assertThrows(InvalidValue.class, () -> Email.of(null));
    }

    @Test
    void enforcesLengthLimits() {
        String local64 = "a".repeat(64);
        assertEquals(local64 + "@example.org", Email.of(local64 + "@example.org").value());
        assertThrows(InvalidValue.class, () -> Email.of("a".repeat(65) + "@example.org"));
        String longDomain = ("b".repeat(60) + ".").repeat(4) + "e".repeat(10) + ".org";
        assertThrows(InvalidValue.class, () -> Email.of("jane@" + longDomain));
    }
}
