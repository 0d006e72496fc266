package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.edit.Patch;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A partial change to an {@link EventBrief}: each field kept or set; clearable fields set to empty clear. */
public record EventEdit(Patch<String> title, Patch<Optional<LocalDate>> date, Patch<ZoneId> timezone,
                        Patch<Currency> currency, Patch<Optional<String>> location, Patch<Optional<String>> notes,
                        Patch<OptionalLong> plannedBudgetCents) {

    public EventEdit {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(plannedBudgetCents, "plannedBudgetCents");
    }

    /** An edit that changes nothing; start here and set what changes. */
    public static EventEdit none() {
        return new EventEdit(Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(),
                Patch.keep());
    }

    public EventEdit withTitle(String value) {
        return new EventEdit(Patch.set(value), date, timezone, currency, location, notes, plannedBudgetCents);
    }

    public EventEdit withDate(Optional<LocalDate> value) {
        return new EventEdit(title, Patch.set(value), timezone, currency, location, notes, plannedBudgetCents);
    }

    public EventEdit withTimezone(ZoneId value) {
        return new EventEdit(title, date, Patch.set(value), currency, location, notes, plannedBudgetCents);
    }

    public EventEdit withCurrency(Currency value) {
        return new EventEdit(title, date, timezone, Patch.set(value), location, notes, plannedBudgetCents);
    }

    public EventEdit withLocation(Optional<String> value) {
        return new EventEdit(title, date, timezone, currency, Patch.set(value), notes, plannedBudgetCents);
    }

    public EventEdit withNotes(Optional<String> value) {
        return new EventEdit(title, date, timezone, currency, location, Patch.set(value), plannedBudgetCents);
    }

    public EventEdit withPlannedBudgetCents(OptionalLong value) {
        return new EventEdit(title, date, timezone, currency, location, notes, Patch.set(value));
    }
}
