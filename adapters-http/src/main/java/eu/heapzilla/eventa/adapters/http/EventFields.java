package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventEdit;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads an event's brief fields out of a create or edit body, checking each before any write. */
final class EventFields {

    static final String VERSION = "version";
    private static final Set<String> BRIEF = Set.of("title", "date", "timezone", "currency", "location", "notes",
            "planned_budget_cents");
    private static final Set<String> EDIT = Fields.with(BRIEF, VERSION);

    private EventFields() {
    }

    /** {@code POST /events}: a title and whatever else the creator knows already. */
    static EventBrief brief(ObjectNode body) {
        PatchFields fields = new PatchFields(body, BRIEF);
        String title = fields.text("title").orElseThrow(() -> new BadRequestBody("title", "field 'title' is required"));
        return EventBrief.titled(EventBrief.title(title)).edited(edit(fields));
    }

    /** {@code PATCH /events/{e}}: the version it is based on, and the fields that change. */
    static Edit edit(ObjectNode body) {
        PatchFields fields = new PatchFields(body, EDIT);
        return new Edit(fields.requiredLong(VERSION), edit(fields));
    }

    record Edit(long basedOn, EventEdit edit) {
    }

    private static EventEdit edit(PatchFields fields) {
        EventEdit edit = EventEdit.none();
        Optional<String> title = fields.text("title");
        if (title.isPresent()) {
            edit = edit.withTitle(EventBrief.title(title.get()));
        }
        Optional<Optional<LocalDate>> date = fields.clearableDate("date");
        if (date.isPresent()) {
            edit = edit.withDate(date.get().map(EventBrief::date));
        }
        Optional<String> timezone = fields.text("timezone");
        if (timezone.isPresent()) {
            edit = edit.withTimezone(EventBrief.timezone(timezone.get()));
        }
        Optional<String> currency = fields.text("currency");
        if (currency.isPresent()) {
            edit = edit.withCurrency(EventBrief.currency(currency.get()));
        }
        Optional<Optional<String>> location = fields.clearableText("location");
        if (location.isPresent()) {
            edit = edit.withLocation(location.get().flatMap(EventBrief::location));
        }
        Optional<Optional<String>> notes = fields.clearableText("notes");
        if (notes.isPresent()) {
            edit = edit.withNotes(notes.get().flatMap(EventBrief::notes));
        }
        Optional<OptionalLong> budget = fields.clearableLong("planned_budget_cents");
        if (budget.isPresent()) {
            OptionalLong cents = budget.get();
            edit = edit.withPlannedBudgetCents(cents.isPresent()
                    ? OptionalLong.of(EventBrief.plannedBudgetCents(cents.getAsLong())) : OptionalLong.empty());
        }
        return edit;
    }
}
