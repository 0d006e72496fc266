package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventEdit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** The brief's form: its fields, their values for a saved event, and an edit of the changed ones. */
final class BriefForm {

    static final Map<String, String> LABELS = labels();

    private BriefForm() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("title", "Title");
        labels.put("date", "Date");
        labels.put("location", "Place");
        labels.put("timezone", "Time zone");
        labels.put("currency", "Currency");
        labels.put("planned_budget", "Planned budget");
        labels.put("notes", "Notes");
        return labels;
    }

    static Map<String, String> values(Event event) {
        EventBrief brief = event.brief();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", brief.title());
        values.put("date", brief.date().map(Object::toString).orElse(""));
        values.put("location", brief.location().orElse(""));
        values.put("timezone", brief.timezone().getId());
        values.put("currency", brief.currency().getCurrencyCode());
        values.put("planned_budget", brief.plannedBudgetCents().isPresent()
                ? Formats.amountInput(brief.plannedBudgetCents().getAsLong(), brief.currency()) : "");
        values.put("notes", brief.notes().orElse(""));
        return values;
    }

    static EventEdit edit(Map<String, String> changed, Event current, Formats formats) {
        EventEdit edit = EventEdit.none();
        for (Map.Entry<String, String> field : changed.entrySet()) {
            String value = field.getValue();
            edit = switch (field.getKey()) {
                case "title" -> edit.withTitle(EventBrief.title(value));
                case "date" -> edit.withDate(Inputs.date("Date", value).map(EventBrief::date));
                case "location" -> edit.withLocation(EventBrief.location(value));
                case "timezone" -> edit.withTimezone(EventBrief.timezone(value));
                case "currency" -> edit.withCurrency(EventBrief.currency(value));
                case "planned_budget" -> edit.withPlannedBudgetCents(Inputs.amount(formats, "Planned budget", value,
                                changed.containsKey("currency") ? EventBrief.currency(changed.get("currency")) : current.brief().currency())
                        .map(cents -> OptionalLong.of(EventBrief.plannedBudgetCents(cents))).orElse(OptionalLong.empty()));
                case "notes" -> edit.withNotes(EventBrief.notes(value));
                default -> edit;
            };
        }
        return edit;
    }
}
