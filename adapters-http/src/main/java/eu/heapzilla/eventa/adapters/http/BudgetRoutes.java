package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetSummary;
import eu.heapzilla.eventa.domain.budget.Money;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.ports.in.TrackBudget;
import eu.heapzilla.eventa.ports.in.TrackBudget.BudgetLine;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code /api/v1/events/{e}/budget-items} and {@code …/budget/summary}: the budget, with every
 * amount as integer minor units ({@code _cents}) beside the currency they are in.
 */
final class BudgetRoutes {

    static final String ITEMS = EventRoutes.EVENT + "/budget-items";
    static final String ITEM = ITEMS + "/{" + PathIds.BUDGET_ITEM + "}";
    static final String SUMMARY = EventRoutes.EVENT + "/budget/summary";
    private static final Set<String> FIELDS = Set.of("category", "title", "vendor", "estimated_cents", "actual_cents",
            "paid_cents", "due_on", "notes");
    private static final Set<String> EDIT = Fields.with(FIELDS, EventFields.VERSION);

    private final TrackBudget budget;
    private final JsonBodies bodies;

    BudgetRoutes(TrackBudget budget, JsonBodies bodies) {
        this.budget = budget;
        this.bodies = bodies;
    }

    void register(JavalinConfig config) {
        config.routes.get(ITEMS, this::list, Access.MEMBER);
        config.routes.post(ITEMS, this::create, Access.EDITOR);
        config.routes.get(ITEM, this::show, Access.MEMBER);
        config.routes.patch(ITEM, this::edit, Access.EDITOR);
        config.routes.delete(ITEM, this::delete, Access.EDITOR);
        config.routes.get(SUMMARY, this::summary, Access.MEMBER);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("budget_items", budget.items(Authentication.userId(ctx), PathIds.event(ctx)).stream()
                .map(BudgetItemJson::of).toList()));
    }

    private void create(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), FIELDS);
        BudgetItemDetails details = BudgetItemDetails.of(fields.requiredText("category"), fields.requiredText("title"))
                .edited(edit(fields));
        BudgetLine created = budget.addItem(Authentication.userId(ctx), PathIds.event(ctx), details);
        BudgetItem item = created.item();
        ctx.header("Location", PathIds.inEvent(ITEMS, item.event()) + "/" + item.id());
        respond(ctx.status(HttpStatus.CREATED), created);
    }

    private void show(Context ctx) {
        BudgetLine line = budget.item(Authentication.userId(ctx), PathIds.event(ctx), PathIds.budgetItem(ctx));
        if (!ETags.notModified(ctx, line.item().version())) {
            respond(ctx, line);
        }
    }

    private void edit(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), EDIT);
        long basedOn = fields.requiredLong(EventFields.VERSION);
        respond(ctx, budget.editItem(Authentication.userId(ctx), PathIds.event(ctx), PathIds.budgetItem(ctx), basedOn,
                edit(fields)));
    }

    private void delete(Context ctx) {
        budget.deleteItem(Authentication.userId(ctx), PathIds.event(ctx), PathIds.budgetItem(ctx), BasedOn.delete(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void summary(Context ctx) {
        ctx.json(SummaryJson.of(budget.summary(Authentication.userId(ctx), PathIds.event(ctx))));
    }

    private static BudgetItemDetails.Edit edit(PatchFields fields) {
        BudgetItemDetails.Edit edit = BudgetItemDetails.Edit.none();
        Optional<String> category = fields.text("category");
        if (category.isPresent()) {
            edit = edit.withCategory(category.get());
        }
        Optional<String> title = fields.text("title");
        if (title.isPresent()) {
            edit = edit.withTitle(title.get());
        }
        Optional<Optional<String>> vendor = fields.clearableText("vendor");
        if (vendor.isPresent()) {
            edit = edit.withVendor(vendor.get());
        }
        Optional<Long> estimated = fields.wholeNumber("estimated_cents");
        if (estimated.isPresent()) {
            edit = edit.withEstimatedCents(BudgetItemDetails.amount("estimated_cents", estimated.get()));
        }
        Optional<OptionalLong> actual = fields.clearableLong("actual_cents");
        if (actual.isPresent()) {
            OptionalLong cents = actual.get();
            edit = edit.withActualCents(cents.isPresent()
                    ? OptionalLong.of(BudgetItemDetails.amount("actual_cents", cents.getAsLong())) : OptionalLong.empty());
        }
        Optional<Long> paid = fields.wholeNumber("paid_cents");
        if (paid.isPresent()) {
            edit = edit.withPaidCents(BudgetItemDetails.amount("paid_cents", paid.get()));
        }
        Optional<Optional<LocalDate>> due = fields.clearableDate("due_on");
        if (due.isPresent()) {
            edit = edit.withDueOn(due.get().map(BudgetItemDetails::dueOn));
        }
        Optional<Optional<String>> notes = fields.clearableText("notes");
        if (notes.isPresent()) {
            edit = edit.withNotes(notes.get());
        }
        return edit;
    }

    private static void respond(Context ctx, BudgetLine line) {
        ETags.set(ctx, line.item().version());
        ctx.json(BudgetItemJson.of(line));
    }

    /** A budget item on the wire, with its receipts' metadata. */
    record BudgetItemJson(String id, String eventId, long version, String category, String title, String vendor,
                          long estimatedCents, Long actualCents, long paidCents, long expectedCents,
                          long stillToPayCents, @JsonInclude(JsonInclude.Include.NON_NULL) String currency, LocalDate dueOn,
                          String notes, @JsonInclude(JsonInclude.Include.NON_NULL) List<ReceiptRoutes.ReceiptJson> receipts, Instant createdAt, String createdBy,
                          Instant updatedAt, String updatedBy) {

        static BudgetItemJson of(BudgetLine line) {
            return of(line.item(), line.currency().getCurrencyCode(),
                    line.receipts().stream().map(ReceiptRoutes.ReceiptJson::of).toList());
        }

        /** Without a currency or receipts: the shape of {@code info.current} in a version conflict. */
        static BudgetItemJson of(BudgetItem item) {
            return of(item, null, null);
        }

        private static BudgetItemJson of(BudgetItem item, String currency, List<ReceiptRoutes.ReceiptJson> receipts) {
            BudgetItemDetails d = item.details();
            return new BudgetItemJson(item.id().toString(), item.event().toString(), item.version(), d.category(),
                    d.title(), d.vendor().orElse(null), d.estimatedCents(),
                    d.actualCents().isPresent() ? d.actualCents().getAsLong() : null, d.paidCents(), d.expectedCents(),
                    d.stillToPayCents(), currency, d.dueOn().orElse(null), d.notes().orElse(null), receipts,
                    item.revision().createdAt(), item.revision().createdBy().toString(), item.revision().updatedAt(),
                    item.revision().updatedBy().toString());
        }
    }

    /** {@code GET …/budget/summary}. */
    static final class SummaryJson {

        private SummaryJson() {
        }

        static Map<String, Object> of(BudgetSummary summary) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("currency", summary.currency().getCurrencyCode());
            body.put("planned_cents", summary.planned().map(Money::minorUnits).orElse(null));
            body.put("remaining_cents", summary.remaining().map(Money::minorUnits).orElse(null));
            body.put("over_budget", summary.overBudget());
            body.put("overall", totals(summary.overall()));
            body.put("categories", summary.categories().stream().map(category -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("category", category.category());
                one.putAll(totals(category.totals()));
                return one;
            }).toList());
            return body;
        }

        private static Map<String, Object> totals(BudgetSummary.Totals totals) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", totals.items());
            body.put("estimated_cents", totals.estimated().minorUnits());
            body.put("actual_cents", totals.actual().minorUnits());
            body.put("paid_cents", totals.paid().minorUnits());
            body.put("expected_cents", totals.expected().minorUnits());
            body.put("still_to_pay_cents", totals.stillToPay().minorUnits());
            return body;
        }
    }
}
