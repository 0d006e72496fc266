package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.text.TextRules;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What an event is: its title, when and where, the time zone its dates are meant in, the
 * currency its money is counted in, free notes and the budget planned for it (integer minor
 * units of {@code currency}). Every field is checked here, whoever builds one.
 */
public record EventBrief(String title, Optional<LocalDate> date, ZoneId timezone, Currency currency,
                         Optional<String> location, Optional<String> notes, OptionalLong plannedBudgetCents) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_LOCATION = 200;
    public static final int MAX_NOTES = 10_000;
    /** A hundred trillion minor units: far beyond any event, well inside a JSON-safe integer. */
    public static final long MAX_BUDGET_CENTS = 100_000_000_000_000L;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);
    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("EUR");

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    public EventBrief {
        title = TextRules.line("title", title, MAX_TITLE);
        Objects.requireNonNull(date, "date");
        date.ifPresent(EventBrief::checkDate);
        if (!ZONES.contains(Objects.requireNonNull(timezone, "timezone").getId())) {
            throw new InvalidValue("timezone", "timezone must be an IANA time-zone id such as Europe/Vienna");
        }
        Objects.requireNonNull(currency, "currency");
        location = TextRules.optionalLine("location", Objects.requireNonNull(location, "location").orElse(null), MAX_LOCATION);
        notes = TextRules.optionalText("notes", Objects.requireNonNull(notes, "notes").orElse(null), MAX_NOTES);
        Objects.requireNonNull(plannedBudgetCents, "plannedBudgetCents");
        plannedBudgetCents.ifPresent(EventBrief::checkBudget);
    }

    /** A brief with just a title: no date, UTC, euros, nothing else yet. */
    public static EventBrief titled(String title) {
        return new EventBrief(title, Optional.empty(), DEFAULT_TIMEZONE, DEFAULT_CURRENCY, Optional.empty(),
                Optional.empty(), OptionalLong.empty());
    }

    /** This brief with {@code edit} applied; the result is checked like any other brief. */
    public EventBrief edited(EventEdit edit) {
        return new EventBrief(edit.title().applyTo(title), edit.date().applyTo(date), edit.timezone().applyTo(timezone),
                edit.currency().applyTo(currency), edit.location().applyTo(location), edit.notes().applyTo(notes),
                edit.plannedBudgetCents().applyTo(plannedBudgetCents));
    }

    public static String title(String text) {
        return TextRules.line("title", text, MAX_TITLE);
    }

    /** A location; blank means none. */
    public static Optional<String> location(String text) {
        return TextRules.optionalLine("location", text, MAX_LOCATION);
    }

    /** Notes; blank means none. */
    public static Optional<String> notes(String text) {
        return TextRules.optionalText("notes", text, MAX_NOTES);
    }

    public static LocalDate date(LocalDate date) {
        checkDate(date);
        return date;
    }

    public static long plannedBudgetCents(long cents) {
        checkBudget(cents);
        return cents;
    }

    /** An IANA time-zone id such as {@code Europe/Vienna}; fixed offsets are not time zones of a place. */
    public static ZoneId timezone(String text) {
        if (text == null || !ZONES.contains(text)) {
            throw new InvalidValue("timezone", "timezone must be an IANA time-zone id such as Europe/Vienna");
        }
        return ZoneId.of(text);
    }

    /** An ISO 4217 code in capitals, such as {@code EUR}. */
    public static Currency currency(String text) {
        if (text == null || !text.matches("[A-Z]{3}")) {
            throw new InvalidValue("currency", "currency must be an ISO 4217 code such as EUR");
        }
        try {
            return Currency.getInstance(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("currency", "currency must be an ISO 4217 code such as EUR");
        }
    }

    private static void checkDate(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new InvalidValue("date", "date must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
    }

    private static void checkBudget(long cents) {
        if (cents < 0 || cents > MAX_BUDGET_CENTS) {
            throw new InvalidValue("planned_budget_cents",
                    "planned_budget_cents must be between 0 and " + MAX_BUDGET_CENTS + " (minor units of the currency)");
        }
    }
}
