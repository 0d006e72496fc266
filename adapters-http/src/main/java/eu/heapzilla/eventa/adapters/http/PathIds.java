package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.domain.member.UserId;
import io.javalin.http.Context;

/** The ids in a route's path. A malformed id names nothing, so it is a 404 like an unknown one. */
final class PathIds {

    static final String EVENT = "event";
    static final String USER = "user";
    static final String INVITE = "invite";
    static final String HOUSEHOLD = "household";
    static final String GUEST = "guest";
    static final String TASK = "task";
    static final String BUDGET_ITEM = "item";
    static final String RECEIPT = "receipt";

    private PathIds() {
    }

    /** {@code template} with the event's id filled in, e.g. for a {@code Location} header. */
    static String inEvent(String template, EventId event) {
        return template.replace("{" + EVENT + "}", event.toString());
    }

    static EventId event(Context ctx) {
        return EventId.fromPath(ctx.pathParam(EVENT));
    }

    static InviteId invite(Context ctx) {
        return InviteId.fromPath(ctx.pathParam(INVITE));
    }

    static HouseholdId household(Context ctx) {
        return HouseholdId.fromPath(ctx.pathParam(HOUSEHOLD));
    }

    static GuestId guest(Context ctx) {
        return GuestId.fromPath(ctx.pathParam(GUEST));
    }

    static TaskId task(Context ctx) {
        return TaskId.fromPath(ctx.pathParam(TASK));
    }

    static BudgetItemId budgetItem(Context ctx) {
        return BudgetItemId.fromPath(ctx.pathParam(BUDGET_ITEM));
    }

    static ReceiptId receipt(Context ctx) {
        return ReceiptId.fromPath(ctx.pathParam(RECEIPT));
    }

    static UserId user(Context ctx) {
        try {
            return UserId.parse(USER, ctx.pathParam(USER));
        } catch (InvalidValue e) {
            throw new NotFound("member");
        }
    }
}
