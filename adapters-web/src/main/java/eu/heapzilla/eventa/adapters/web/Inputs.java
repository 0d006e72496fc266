package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;

/** Reading typed form values into the core's types, each refusal naming the field as the person sees it. */
final class Inputs {

    private Inputs() {
    }

    /** An ISO date from {@code <input type=date>}; empty text is no date. */
    static Optional<LocalDate> date(String label, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 1900 || day.getYear() > 2999) {
                throw new InvalidValue(label, label + " must lie between the years 1900 and 2999");
            }
            return Optional.of(day);
        } catch (DateTimeParseException e) {
            throw new InvalidValue(label, label + " must be a date such as 2027-06-12");
        }
    }

    /** An amount of money; empty text is none. */
    static Optional<Long> amount(Formats formats, String label, String text, Currency currency) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(formats.parseAmount(text, currency)
                .filter(cents -> cents >= 0)
                .orElseThrow(() -> new InvalidValue(label, label + " must be an amount such as 1250 or 1250.50")));
    }

    static Optional<String> text(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
