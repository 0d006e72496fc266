package eu.heapzilla.eventa.adapters.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates, times and money as the reader's language writes them (from {@code Accept-Language});
 * English where the browser names none this JVM knows. Inputs keep ISO dates ({@code <input
 * type=date>} shows them in the reader's way) and amounts typed in either the reader's or the
 * plain {@code 1234.50} form.
 */
final class Formats {

    private static final List<Locale> KNOWN = List.of(Locale.getAvailableLocales());

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter dateTime;

    Formats(Locale locale) {
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
    }

    /** The first language of an {@code Accept-Language} header that this JVM can format. */
    static Formats forHeader(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (range.getRange().equals("*")) {
                        continue;
                    }
                    Locale wanted = Locale.forLanguageTag(range.getRange());
                    if (KNOWN.contains(wanted) || KNOWN.stream().anyMatch(l -> l.getLanguage().equals(wanted.getLanguage()))) {
                        return new Formats(wanted);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is no reason to refuse the page
            }
        }
        return new Formats(Locale.UK);
    }

    Locale locale() {
        return locale;
    }

    /** The page's {@code lang}. */
    String language() {
        return locale.toLanguageTag();
    }

    String date(LocalDate day) {
        return date.format(day);
    }

    String date(Optional<LocalDate> day) {
        return day.map(this::date).orElse("");
    }

    String longDate(LocalDate day) {
        return longDate.format(day);
    }

    String dateTime(Instant at, ZoneId zone) {
        return dateTime.format(at.atZone(zone));
    }

    String money(long cents, Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(BigDecimal.valueOf(cents).movePointLeft(currency.getDefaultFractionDigits()));
    }

    /** An amount as the input shows it for editing: plain digits with a point ({@code 1250.00}). */
    static String amountInput(long cents, Currency currency) {
        return BigDecimal.valueOf(cents).movePointLeft(currency.getDefaultFractionDigits()).toPlainString();
    }

    /**
     * An amount typed by a person into minor units: {@code 1250}, {@code 1250.5}, {@code 1,250.50},
     * {@code 1.250,50} (the reader's grouping; in German also where the numbers' own grouping is a
     * space, as in Austria), with or without the currency sign.
     *
     * @return empty when the text is not an amount of this currency
     */
    Optional<Long> parseAmount(String text, Currency currency) {
        String typed = text.strip().replace(currency.getSymbol(locale), "").replace(currency.getCurrencyCode(), "")
                .replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value = null;
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        if (decimal == ',' || decimal == '.') {
            // strictly: a lenient parse would read "12,50" in English as 1250
            String plain = plain(typed.replace("'", "").replace("\u2019", ""), decimal);
            value = plain == null ? null : new BigDecimal(plain);
        } else if (typed.matches("-?\\d+([.]\\d+)?")) {
            value = new BigDecimal(typed);
        } else {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            ParsePosition position = new ParsePosition(0);
            Number number = format.parse(typed, position);
            if (number != null && position.getIndex() == typed.length()) {
                value = new BigDecimal(number.toString());
            }
        }
        if (value == null || value.scale() > currency.getDefaultFractionDigits()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.movePointRight(currency.getDefaultFractionDigits()).longValueExact());
        } catch (ArithmeticException tooBig) {
            return Optional.empty();
        }
    }

    /**
     * {@code typed} as a plain number ({@code 1250.50}) when it is one in the reader's way (whose
     * decimal sign is {@code decimal}) or the plain way; {@code null} when it is neither. Where a comma is the decimal sign (German), a
     * point groups thousands ({@code 1.250,50}, {@code 12.000}) unless it is followed by other
     * than groups of three digits ({@code 1250.5}); elsewhere a comma groups ({@code 25,000}).
     */
    private static String plain(String typed, char decimal) {
        if (decimal == ',') {
            if (typed.matches("-?(\\d{1,3}([.]\\d{3})+|\\d+)(,\\d+)?")) {
                return typed.replace(".", "").replace(',', '.');
            }
        } else if (decimal == '.' && typed.matches("-?\\d{1,3}(,\\d{3})+([.]\\d+)?")) {
            return typed.replace(",", "");
        }
        return typed.matches("-?\\d+([.]\\d+)?") ? typed : null;
    }

    /** How long ago, in words: "5 s ago", "3 min ago", "2 h ago", else the date. */
    String ago(Instant then, Instant now, ZoneId zone) {
        Duration since = Duration.between(then, now);
        if (since.isNegative() || since.toSeconds() < 60) {
            return Math.max(0, since.toSeconds()) + " s ago";
        }
        if (since.toMinutes() < 60) {
            return since.toMinutes() + " min ago";
        }
        if (since.toHours() < 24) {
            return since.toHours() + " h ago";
        }
        return dateTime(then, zone);
    }

    /** "1 guest", "3 guests". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
