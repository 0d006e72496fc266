package eu.heapzilla.eventa.adapters.http;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates on the wire, in a query or a body: RFC 3339's {@code full-date}, {@code YYYY-MM-DD}
 * with a four-digit year. {@link LocalDate} itself reads signed years of up to nine digits
 * ({@code +999999999-12-31}), which no database column or client holds, so those are refused
 * here as malformed rather than failing somewhere further down.
 */
final class WireDates {

    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private WireDates() {
    }

    /** The date {@code text} names, or empty when it is no {@code YYYY-MM-DD} date. */
    static Optional<LocalDate> parse(String text) {
        if (text == null || !FULL_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
