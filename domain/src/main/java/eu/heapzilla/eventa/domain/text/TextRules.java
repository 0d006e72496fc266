package eu.heapzilla.eventa.domain.text;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.util.Optional;

/** Checks on typed text; each failure names the field as it appears on the wire. */
public final class TextRules {

    private TextRules() {
    }

    /**
     * A single line: not blank, at most {@code maxLength} characters (code points), no control
     * characters, no white space at either end.
     *
     * @throws InvalidValue naming {@code field} when {@code value} breaks a rule
     */
    public static String line(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, field + " must not be empty");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidValue(field, field + " must be at most " + maxLength + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValue(field, field + " must not contain control characters");
        }
        if (!value.equals(value.strip())) {
            throw new InvalidValue(field, field + " must not start or end with white space");
        }
        return value;
    }

    /**
     * An optional single line: {@code null} or blank means "none"; otherwise the rules of
     * {@link #line}.
     */
    public static Optional<String> optionalLine(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(line(field, value, maxLength));
    }

    /**
     * Optional free text such as notes: {@code null} or blank means "none"; line breaks and
     * tabs are allowed, other control characters are not; at most {@code maxLength} characters.
     */
    public static Optional<String> optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidValue(field, field + " must be at most " + maxLength + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValue(field, field + " must not contain control characters other than line breaks and tabs");
        }
        return Optional.of(value);
    }
}
