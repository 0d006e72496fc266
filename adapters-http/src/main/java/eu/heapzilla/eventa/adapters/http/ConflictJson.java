package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.edit.Versioned;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.task.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code info} of a 409 {@code version_conflict}: the current state (in the same shape a
 * GET returns), who made it so and when, so a client can show "Gerda changed this 5 s ago".
 */
final class ConflictJson {

    private ConflictJson() {
    }

    static Map<String, Object> info(VersionConflict conflict) {
        Versioned current = conflict.current();
        Map<String, Object> changedBy = new LinkedHashMap<>();
        changedBy.put("id", current.updatedBy().toString());
        changedBy.put("display_name", conflict.changedByName().map(Object::toString).orElse(null));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("current", json(current));
        info.put("your_version", conflict.basedOn());
        info.put("changed_by", changedBy);
        info.put("changed_at", current.updatedAt());
        return info;
    }

    private static Object json(Versioned current) {
        if (current instanceof Event event) {
            return EventJson.of(event);
        }
        if (current instanceof Household household) {
            return HouseholdRoutes.HouseholdJson.of(household);
        }
        if (current instanceof Guest guest) {
            return GuestRoutes.GuestJson.of(guest);
        }
        if (current instanceof Task task) {
            return TaskRoutes.TaskJson.of(task);
        }
        if (current instanceof BudgetItem item) {
            return BudgetRoutes.BudgetItemJson.of(item);
        }
        throw new IllegalStateException("no JSON shape for " + current.getClass().getSimpleName());
    }
}
