package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.ports.in.PlanEvents.YourEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An event on the wire: its brief, version and last edit, and (when the reader is known) the
 * reader's role in it. Money is integer minor units of {@code currency}.
 */
record EventJson(String id, long version, String title, LocalDate date, String timezone, String currency,
                 String location, String notes, Long plannedBudgetCents, Instant createdAt, String createdBy,
                 Instant updatedAt, String updatedBy, @JsonInclude(JsonInclude.Include.NON_NULL) String role) {

    static EventJson of(YourEvent yours) {
        return of(yours.event(), yours.role().wireName());
    }

    static EventJson of(Event event) {
        return of(event, null);
    }

    private static EventJson of(Event event, String role) {
        EventBrief brief = event.brief();
        return new EventJson(event.id().toString(), event.version(), brief.title(), brief.date().orElse(null),
                brief.timezone().getId(), brief.currency().getCurrencyCode(), brief.location().orElse(null),
                brief.notes().orElse(null),
                brief.plannedBudgetCents().isPresent() ? brief.plannedBudgetCents().getAsLong() : null,
                event.createdAt(), event.createdBy().toString(), event.updatedAt(), event.updatedBy().toString(), role);
    }
}
