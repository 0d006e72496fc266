package eu.heapzilla.eventa.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void acceptsALineUpToTheLimitCountingCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDC8D".repeat(5);
        assertEquals(emoji, TextRules.line("title", emoji, 5));
        assertEquals("Book the florist", TextRules.line("title", "Book the florist", 200));
    }

    @Test
    void refusesEmptyTooLongControlCharactersAndUntrimmedTextNamingTheField() {
        for (String bad : new String[] {null, "", "   ", "abcdef", "a\nb", "a\u0000b", " a", "a "}) {
            InvalidValue e = assertThrows(InvalidValue.class, () -> TextRules.line("title", bad, 5), String.valueOf(bad));
            assertEquals("title", e.field());
        }
    }
}
