package eu.heapzilla.eventa.domain.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;

class DisplayNameTest {

    @Test
    void trimsTypedNames() {
        assertEquals("Gerda", DisplayName.of("  Gerda ").value());
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String hundredEmoji = "\uD83C\uDF89".repeat(100);
        assertEquals(hundredEmoji, DisplayName.of(hundredEmoji).value());
        assertThrows(InvalidValue.class, () -> DisplayName.of("x".repeat(101)));
    }

    @Test
    void rejectsEmptyBlankAndControlCharacters() {
        assertThrows(InvalidValue.class, () -> DisplayName.of(null));
        assertThrows(InvalidValue.class, () -> DisplayName.of("   "));
        InvalidValue e = assertThrows(InvalidValue.class, () -> DisplayName.of("Ger\u0000da"));
        assertEquals("display_name", e.field());
    }

    @Test
    void defaultsToTheLocalPartOfTheEmail() {
        assertEquals("jane.doe", DisplayName.defaultFor(Email.of("Jane.Doe@example.org")).value());
    }
}
