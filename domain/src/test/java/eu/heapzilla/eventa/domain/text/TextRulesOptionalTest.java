package eu.heapzilla.eventa.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextRulesOptionalTest {

    @Test
    void anOptionalLineThatIsMissingOrBlankIsNone() {
        for (String blank : new String[] {null, "", " ", "   ", "\t", " \u2003 "}) {
            assertEquals(Optional.empty(), TextRules.optionalLine("location", blank, 5), String.valueOf(blank));
        }
    }

    @Test
    void anOptionalLineIsKeptAsTypedUpToTheLimit() {
        assertEquals(Optional.of("Wien"), TextRules.optionalLine("location", "Wien", 5));
        assertEquals(Optional.of("abcde"), TextRules.optionalLine("location", "abcde", 5));
        String pins = "\uD83D\uDCCD".repeat(5);
        assertEquals(Optional.of(pins), TextRules.optionalLine("location", pins, 5), "characters, not UTF-16 units");
    }

    @Test
    void anOptionalLineFollowsTheRulesOfALineOtherwise() {
        for (String bad : new String[] {"abcdef", "a\nb", "a\tb", "a\u0000", "a\u007F", " a", "a "}) {
            InvalidValue e = assertThrows(InvalidValue.class, () -> TextRules.optionalLine("location", bad, 5), bad);
            assertEquals("location", e.field());
        }
    }

    @Test
    void optionalTextThatIsMissingOrBlankIsNone() {
        for (String blank : new String[] {null, "", "  ", "\n", "\r\n\t \n"}) {
            assertEquals(Optional.empty(), TextRules.optionalText("notes", blank, 5), String.valueOf(blank));
        }
    }

    @Test
    void optionalTextKeepsLineBreaksTabsAndSurroundingSpaceExactly() {
        assertEquals(Optional.of("a\nb\r\nc\td"), TextRules.optionalText("notes", "a\nb\r\nc\td", 10));
        assertEquals(Optional.of("  indented\n"), TextRules.optionalText("notes", "  indented\n", 20));
    }

    @Test
    void optionalTextIsAtMostTheLimitInCharacters() {
        assertEquals(Optional.of("abcde"), TextRules.optionalText("notes", "abcde", 5));
        String pins = "\uD83D\uDCCD".repeat(5);
        assertEquals(Optional.of(pins), TextRules.optionalText("notes", pins, 5));
        InvalidValue e = assertThrows(InvalidValue.class, () -> TextRules.optionalText("notes", "abcdef", 5));
        assertEquals("notes", e.field());
        assertEquals("notes must be at most 5 characters", e.detail());
        assertThrows(InvalidValue.class, () -> TextRules.optionalText("notes", pins + "x", 5));
    }

    @Test
    void optionalTextRefusesOtherControlCharacters() {
        for (String bad : new String[] {"a\u0000b", "a\u0007", "\u001B[1m", "a\u000Bb", "a\u000Cb", "a\u007F", "a\u0085b",
                "a\u009Fb"}) {
            InvalidValue e = assertThrows(InvalidValue.class, () -> TextRules.optionalText("notes", bad, 50), bad);
            assertEquals("notes", e.field());
        }
    }
}
