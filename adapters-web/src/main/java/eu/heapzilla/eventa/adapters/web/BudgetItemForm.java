package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.text.TextRules;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A budget item's form: its fields, their values for a saved item, and the details or edit typed
 * into it. Amounts are read as people type them ({@code 25,000}, {@code 1250.50}, {@code 1.250,50}
 * in German); every refusal names the field by its label.
 */
final class BudgetItemForm {

    static final Map<String, String> LABELS = labels();

    private BudgetItemForm() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("category", "Category");
        labels.put("title", "What");
        labels.put("vendor", "Vendor");
        labels.put("estimated", "Estimated");
        labels.put("actual", "Actual");
        labels.put("paid", "Paid so far");
        labels.put("due_on", "Payment due");
        labels.put("notes", "Notes");
        return labels;
    }

    /** The form's values for a saved item, amounts with the reader's decimal sign and no grouping ({@code 1250,50} in German). */
    static Map<String, String> values(BudgetItem item, Currency currency, Formats formats) {
        BudgetItemDetails d = item.details();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("category", d.category());
        values.put("title", d.title());
        values.put("vendor", d.vendor().orElse(""));
        values.put("estimated", shown(d.estimatedCents(), currency, formats));
        values.put("actual", d.actualCents().isPresent() ? shown(d.actualCents().getAsLong(), currency, formats) : "");
        values.put("paid", shown(d.paidCents(), currency, formats));
        values.put("due_on", d.dueOn().map(LocalDate::toString).orElse(""));
        values.put("notes", d.notes().orElse(""));
        return values;
    }

    private static String shown(long cents, Currency currency, Formats formats) {
        String plain = Formats.amountInput(cents, currency);
        return DecimalFormatSymbols.getInstance(formats.locale()).getDecimalSeparator() == ',' ? plain.replace('.', ',') : plain;
    }

    /** A new item from the whole form. */
    static BudgetItemDetails details(EditForm form, Currency currency, Formats formats) {
        return new BudgetItemDetails(category(form.value("category")), title(form.value("title")),
                vendor(form.value("vendor")), amount(formats, "estimated", form.value("estimated"), currency).orElse(0L),
                optionalAmount(formats, form.value("actual"), currency),
                amount(formats, "paid", form.value("paid"), currency).orElse(0L), dueOn(form.value("due_on")),
                notes(form.value("notes")));
    }

    /** An edit of the fields the person changed. */
    static BudgetItemDetails.Edit edit(Map<String, String> changed, Currency currency, Formats formats) {
        BudgetItemDetails.Edit edit = BudgetItemDetails.Edit.none();
        for (Map.Entry<String, String> field : changed.entrySet()) {
            String value = field.getValue();
            edit = switch (field.getKey()) {
                case "category" -> edit.withCategory(category(value));
                case "title" -> edit.withTitle(title(value));
                case "vendor" -> edit.withVendor(vendor(value));
                case "estimated" -> edit.withEstimatedCents(amount(formats, "estimated", value, currency).orElse(0L));
                case "actual" -> edit.withActualCents(optionalAmount(formats, value, currency));
                case "paid" -> edit.withPaidCents(amount(formats, "paid", value, currency).orElse(0L));
                case "due_on" -> edit.withDueOn(dueOn(value));
                case "notes" -> edit.withNotes(notes(value));
                default -> edit;
            };
        }
        return edit;
    }

    private static String category(String value) {
        return TextRules.line(LABELS.get("category"), value, BudgetItemDetails.MAX_CATEGORY);
    }

    private static String title(String value) {
        return TextRules.line(LABELS.get("title"), value, BudgetItemDetails.MAX_TITLE);
    }

    private static Optional<String> vendor(String value) {
        return TextRules.optionalLine(LABELS.get("vendor"), value, BudgetItemDetails.MAX_VENDOR);
    }

    private static Optional<String> notes(String value) {
        return TextRules.optionalText(LABELS.get("notes"), value, BudgetItemDetails.MAX_NOTES);
    }

    private static Optional<LocalDate> dueOn(String value) {
        return Inputs.date(LABELS.get("due_on"), value);
    }

    private static Optional<Long> amount(Formats formats, String field, String value, Currency currency) {
        String label = LABELS.get(field);
        Optional<Long> cents = Inputs.amount(formats, label, value, currency);
        if (cents.isPresent() && cents.get() > BudgetItemDetails.MAX_AMOUNT_CENTS) {
            throw new InvalidValue(label, label + " is too large: at most "
                    + formats.money(BudgetItemDetails.MAX_AMOUNT_CENTS, currency));
        }
        return cents;
    }

    private static OptionalLong optionalAmount(Formats formats, String value, Currency currency) {
        return amount(formats, "actual", value, currency).map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
