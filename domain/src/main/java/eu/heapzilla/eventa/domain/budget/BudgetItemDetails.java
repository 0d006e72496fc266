package eu.heapzilla.eventa.domain.budget;

import eu.heapzilla.eventa.domain.edit.Patch;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.text.TextRules;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one line of the budget is: its category ("Venue", "Flowers"), what it is for, the
 * vendor, and three amounts in whole minor units of the event's currency — estimated, actual
 * (empty until the bill is known) and paid so far — with the day payment is due.
 */
public record BudgetItemDetails(String category, String title, Optional<String> vendor, long estimatedCents,
                                OptionalLong actualCents, long paidCents, Optional<LocalDate> dueOn,
                                Optional<String> notes) {

    public static final int MAX_CATEGORY = 100;
    public static final int MAX_TITLE = 200;
    public static final int MAX_VENDOR = 200;
    public static final int MAX_NOTES = 10_000;
    /** Ten billion in major units: beyond any event, and a thousand items still sum inside a JSON-safe integer. */
    public static final long MAX_AMOUNT_CENTS = 1_000_000_000_000L;
    public static final LocalDate EARLIEST_DUE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DUE = LocalDate.of(2999, 12, 31);

    public BudgetItemDetails {
        category = TextRules.line("category", category, MAX_CATEGORY);
        title = TextRules.line("title", title, MAX_TITLE);
        vendor = TextRules.optionalLine("vendor", Objects.requireNonNull(vendor, "vendor").orElse(null), MAX_VENDOR);
        amount("estimated_cents", estimatedCents);
        Objects.requireNonNull(actualCents, "actualCents").ifPresent(cents -> amount("actual_cents", cents));
        amount("paid_cents", paidCents);
        Objects.requireNonNull(dueOn, "dueOn").ifPresent(BudgetItemDetails::dueOn);
        notes = TextRules.optionalText("notes", Objects.requireNonNull(notes, "notes").orElse(null), MAX_NOTES);
    }

    /** An item with nothing estimated, spent or paid yet. */
    public static BudgetItemDetails of(String category, String title) {
        return new BudgetItemDetails(category, title, Optional.empty(), 0, OptionalLong.empty(), 0, Optional.empty(),
                Optional.empty());
    }

    /** An amount in minor units: 0 up to {@link #MAX_AMOUNT_CENTS}. */
    public static long amount(String field, long cents) {
        if (cents < 0 || cents > MAX_AMOUNT_CENTS) {
            throw new InvalidValue(field, field + " must be between 0 and " + MAX_AMOUNT_CENTS
                    + " (minor units of the event's currency)");
        }
        return cents;
    }

    public static LocalDate dueOn(LocalDate date) {
        if (date.isBefore(EARLIEST_DUE) || date.isAfter(LATEST_DUE)) {
            throw new InvalidValue("due_on", "due_on must be between " + EARLIEST_DUE + " and " + LATEST_DUE);
        }
        return date;
    }

    /** What this item is expected to cost in the end: the actual amount once known, else the estimate. */
    public long expectedCents() {
        return actualCents.orElse(estimatedCents);
    }

    /** What is left to pay on it; never below zero, an overpayment owes nothing. */
    public long stillToPayCents() {
        return Math.max(0, expectedCents() - paidCents);
    }

    public BudgetItemDetails edited(Edit edit) {
        return new BudgetItemDetails(edit.category().applyTo(category), edit.title().applyTo(title),
                edit.vendor().applyTo(vendor), edit.estimatedCents().applyTo(estimatedCents),
                edit.actualCents().applyTo(actualCents), edit.paidCents().applyTo(paidCents),
                edit.dueOn().applyTo(dueOn), edit.notes().applyTo(notes));
    }

    /** A partial change: each field kept or set; clearable fields set to empty clear. */
    public record Edit(Patch<String> category, Patch<String> title, Patch<Optional<String>> vendor,
                       Patch<Long> estimatedCents, Patch<OptionalLong> actualCents, Patch<Long> paidCents,
                       Patch<Optional<LocalDate>> dueOn, Patch<Optional<String>> notes) {

        public Edit {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(estimatedCents, "estimatedCents");
            Objects.requireNonNull(actualCents, "actualCents");
            Objects.requireNonNull(paidCents, "paidCents");
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(notes, "notes");
        }

        public static Edit none() {
            return new Edit(Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(),
                    Patch.keep(), Patch.keep());
        }

        public Edit withCategory(String value) {
            return new Edit(Patch.set(value), title, vendor, estimatedCents, actualCents, paidCents, dueOn, notes);
        }

        public Edit withTitle(String value) {
            return new Edit(category, Patch.set(value), vendor, estimatedCents, actualCents, paidCents, dueOn, notes);
        }

        public Edit withVendor(Optional<String> value) {
            return new Edit(category, title, Patch.set(value), estimatedCents, actualCents, paidCents, dueOn, notes);
        }

        public Edit withEstimatedCents(long value) {
            return new Edit(category, title, vendor, Patch.set(value), actualCents, paidCents, dueOn, notes);
        }

        public Edit withActualCents(OptionalLong value) {
            return new Edit(category, title, vendor, estimatedCents, Patch.set(value), paidCents, dueOn, notes);
        }

        public Edit withPaidCents(long value) {
            return new Edit(category, title, vendor, estimatedCents, actualCents, Patch.set(value), dueOn, notes);
        }

        public Edit withDueOn(Optional<LocalDate> value) {
            return new Edit(category, title, vendor, estimatedCents, actualCents, paidCents, Patch.set(value), notes);
        }

        public Edit withNotes(Optional<String> value) {
            return new Edit(category, title, vendor, estimatedCents, actualCents, paidCents, dueOn, Patch.set(value));
        }
    }
}
