package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.BudgetSummary;
import eu.heapzilla.eventa.domain.budget.Money;
import eu.heapzilla.eventa.domain.budget.Receipt;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.ports.in.TrackBudget;
import eu.heapzilla.eventa.ports.in.TrackBudget.BudgetLine;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The budget ({@code /events/{e}/budget}): the totals against the planned budget, the totals per
 * category, the items grouped by category with their receipts, and a form to add one; an item's
 * page to edit it, attach receipts (typed from their bytes) and see them; viewing, and deleting,
 * a receipt; deleting an item.
 */
final class BudgetPages {

    /** Categories as {@link BudgetSummary} orders them. */
    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
    /**
     * A receipt opened as a page of its own runs nothing and loads nothing: {@code sandbox} also
     * for a PDF, whose viewer Chromium (150) still starts at the top level under it; inline
     * styles for the viewer's own frame page.
     */
    static final String RECEIPT_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private final WebApp app;
    private final TrackBudget budget;

    BudgetPages(WebApp app) {
        this.app = app;
        this.budget = app.ports().trackBudget();
    }

    void register() {
        app.get("/events/{e}/budget", visit -> {
            OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
            showBudget(open, 200, EditForm.showing(0, Map.of()));
        });
        app.post("/events/{e}/budget", this::add);
        app.get("/events/{e}/budget/{b}", visit -> {
            OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
            BudgetLine line = budget.item(open.user(), open.id(), itemId(visit));
            showItem(open, line, 200, edits(line.currency(), visit.formats).form(line.item()), Optional.empty());
        });
        app.post("/events/{e}/budget/{b}", this::save);
        app.get("/events/{e}/budget/{b}/delete", this::confirmDelete);
        app.post("/events/{e}/budget/{b}/delete", this::delete);
        app.post("/events/{e}/budget/{b}/receipts", this::attach);
        app.get("/events/{e}/receipts/{r}", this::receipt);
        app.get("/events/{e}/receipts/{r}/delete", this::confirmDeleteReceipt);
        app.post("/events/{e}/receipts/{r}/delete", this::deleteReceipt);
    }

    // ---- the budget

    private void showBudget(OpenEvent open, int status, EditForm form) {
        Visit visit = open.visit();
        List<BudgetLine> lines = budget.items(open.user(), open.id());
        BudgetSummary summary = budget.summary(open.user(), open.id());
        Currency currency = open.currency();
        LocalDate today = LocalDate.now(open.zone());
        Map<String, List<ItemCard>> grouped = new TreeMap<>(BY_NAME);
        lines.stream()
                .sorted(Comparator.comparing((BudgetLine l) -> l.item().details().title(), BY_NAME))
                .forEach(line -> grouped.computeIfAbsent(line.item().details().category(), c -> new ArrayList<>())
                        .add(card(visit, open, line, today)));
        List<CategoryGroup> groups = grouped.entrySet().stream().map(e -> new CategoryGroup(e.getKey(), e.getValue())).toList();
        List<CategoryRow> categories = summary.categories().stream()
                .map(c -> row(visit, c.category(), c.totals())).toList();
        visit.render(status, "budget.jte", new BudgetView(open.chrome("Budget", "budget"), open.id().toString(),
                open.canEdit(), summary(visit, summary), categories, row(visit, "All categories", summary.overall()), groups,
                categoryNames(summary), form, currency.getCurrencyCode(), amountHint(visit)));
    }

    private static SummaryView summary(Visit visit, BudgetSummary summary) {
        BudgetSummary.Totals all = summary.overall();
        Optional<String> remaining = summary.remaining()
                .map(m -> visit.formats.money(Math.abs(m.minorUnits()), m.currency()));
        return new SummaryView(summary.planned().map(m -> money(visit, m)), money(visit, all.estimated()),
                money(visit, all.expected()), money(visit, all.actual()), money(visit, all.paid()),
                money(visit, all.stillToPay()), remaining, summary.overBudget(), all.items());
    }

    private static CategoryRow row(Visit visit, String name, BudgetSummary.Totals totals) {
        return new CategoryRow(name, totals.items(), money(visit, totals.estimated()), money(visit, totals.expected()),
                money(visit, totals.paid()), money(visit, totals.stillToPay()));
    }

    private static List<String> categoryNames(BudgetSummary summary) {
        return summary.categories().stream().map(BudgetSummary.CategoryTotals::category).toList();
    }

    private static ItemCard card(Visit visit, OpenEvent open, BudgetLine line, LocalDate today) {
        BudgetItem item = line.item();
        BudgetItemDetails d = item.details();
        Currency currency = line.currency();
        boolean overdue = d.stillToPayCents() > 0 && d.dueOn().map(today::isAfter).orElse(false);
        return new ItemCard(item.id().toString(), d.title(), d.vendor().orElse(""),
                visit.formats.money(d.estimatedCents(), currency),
                d.actualCents().isPresent() ? visit.formats.money(d.actualCents().getAsLong(), currency) : "",
                visit.formats.money(d.paidCents(), currency), visit.formats.money(d.stillToPayCents(), currency),
                d.dueOn().map(visit.formats::date).orElse(""), overdue, d.notes().orElse(""),
                receipts(visit, open, line.receipts()));
    }

    private static List<ReceiptRow> receipts(Visit visit, OpenEvent open, List<Receipt> receipts) {
        return receipts.stream().map(r -> new ReceiptRow(r.id().toString(), r.fileName().value(),
                ReceiptFiles.size(r.sizeBytes(), visit.formats.locale()), ReceiptFiles.kind(r.type()),
                ReceiptFiles.showsAsImage(r.type()), open.path("/receipts/" + r.id()))).toList();
    }

    private void add(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        EditForm form = EditForm.posted(visit, List.copyOf(BudgetItemForm.LABELS.keySet()));
        BudgetItemDetails details;
        try {
            details = BudgetItemForm.details(form, open.currency(), visit.formats);
        } catch (InvalidValue e) {
            showBudget(open, 400, form.refused(e.detail()));
            return;
        }
        BudgetLine added = budget.addItem(open.user(), open.id(), details);
        visit.redirect(open.path("/budget") + "?notice=" + Visit.encode("Added \u201c" + details.title() + "\u201d.")
                + "#item-" + added.item().id());
    }

    // ---- one item

    private static Edits<BudgetItem> edits(Currency currency, Formats formats) {
        return new Edits<>(item -> BudgetItemForm.values(item, currency, formats), BudgetItemForm.LABELS);
    }

    private static BudgetItemId itemId(Visit visit) {
        return BudgetItemId.fromPath(visit.ctx.pathParam("b"));
    }

    private void showItem(OpenEvent open, BudgetLine line, int status, EditForm form, Optional<String> uploadError) {
        Visit visit = open.visit();
        BudgetItemDetails d = line.item().details();
        List<String> categories = categoryNames(budget.summary(open.user(), open.id()));
        visit.render(status, "budget_item.jte", new ItemView(open.chrome(d.title(), "budget"), open.id().toString(),
                line.item().id().toString(), d.title(), d.category(), open.canEdit(), form, categories,
                line.currency().getCurrencyCode(), receipts(visit, open, line.receipts()),
                Receipt.MAX_PER_ITEM - line.receipts().size(), uploadError, ReceiptFiles.ACCEPT,
                ReceiptFiles.limit(app.settings().fileMaxBytes()), amountHint(visit)));
    }

    private void save(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        BudgetItemId id = itemId(visit);
        BudgetLine line = budget.item(open.user(), open.id(), id);
        Currency currency = line.currency();
        Edits<BudgetItem> edits = edits(currency, visit.formats);
        EditForm form = EditForm.posted(visit, edits.fields());
        Edits.Outcome<BudgetItem> outcome = edits.save(form,
                (version, changed) -> budget.editItem(open.user(), open.id(), id, version,
                        BudgetItemForm.edit(changed, currency, visit.formats)).item(),
                state -> app.ports().viewProfile().profile(state.updatedBy()).displayName().value(), visit.formats, open.zone());
        if (outcome.again().isPresent()) {
            EditForm again = outcome.again().get();
            showItem(open, line, again.conflict().isPresent() ? 409 : 400, again, Optional.empty());
            return;
        }
        visit.redirect(open.path("/budget/" + id) + "?notice=" + Visit.encode("Saved."));
    }

    private void confirmDelete(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        BudgetLine line = budget.item(open.user(), open.id(), itemId(visit));
        String title = line.item().details().title();
        int receipts = line.receipts().size();
        String path = open.path("/budget/" + line.item().id());
        visit.render("confirm.jte", new EventPages.ConfirmView(open.chrome("Delete " + title, "budget"),
                "Delete \u201c" + title + "\u201d?", "This deletes the item from the budget for everyone in the event"
                + (receipts == 0 ? "" : ", with its " + Formats.count(receipts, "receipt", "receipts")) + ". It cannot be undone.",
                path + "/delete", "Delete the item", path, Map.of("version", Long.toString(line.item().version()))));
    }

    private void delete(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        BudgetLine line = budget.item(open.user(), open.id(), itemId(visit));
        budget.deleteItem(open.user(), open.id(), line.item().id(), version(visit));
        visit.redirect(open.path("/budget") + "?notice=" + Visit.encode("\u201c" + line.item().details().title()
                + "\u201d was deleted."));
    }

    private static long version(Visit visit) {
        try {
            return Long.parseLong(visit.raw("version"));
        } catch (NumberFormatException e) {
            throw new Refused(400, "This form is incomplete", "Reload the page and try again.");
        }
    }

    // ---- receipts

    /**
     * Checks that the person may attach receipts before their files are read, types each file from
     * its bytes, and keeps them all or, when one cannot be a receipt, none. (The multipart body
     * itself was parsed already, for the form's token: see {@link RequestGuard}.)
     */
    private void attach(Visit visit) throws IOException {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        BudgetItemId id = itemId(visit);
        budget.checkMayAttach(open.user(), open.id(), id);
        BudgetLine line = budget.item(open.user(), open.id(), id);
        long limit = app.settings().fileMaxBytes();
        List<UploadedFile> files = visit.ctx.uploadedFiles("file").stream()
                .filter(f -> !(f.filename().isEmpty() && f.size() == 0)).toList();
        Optional<Refusal> refusal = files.isEmpty() ? Optional.of(new Refusal(400, "Choose a file to attach first."))
                : files.stream().map(f -> check(f, limit)).flatMap(Optional::stream).findFirst();
        List<InputStream> opened = new ArrayList<>();
        try {
            List<TrackBudget.Upload> uploads = new ArrayList<>();
            for (UploadedFile file : files) {
                if (refusal.isPresent()) {
                    break;
                }
                InputStream content = new BufferedInputStream(file.content(), ReceiptFiles.bytesNeeded());
                opened.add(content);
                Optional<ReceiptType> type = ReceiptFiles.type(content);
                if (type.isEmpty()) {
                    refusal = Optional.of(new Refusal(415, ReceiptFiles.ONLY_PHOTOS_AND_PDFS + " \u201c" + shown(file)
                            + "\u201d is neither, so nothing was attached."));
                    break;
                }
                uploads.add(new TrackBudget.Upload(ReceiptFiles.browserDecoded(file.filename()), type.get(), content));
            }
            if (refusal.isEmpty()) {
                try {
                    budget.attachReceipts(open.user(), open.id(), id, uploads);
                } catch (Conflict e) {
                    refusal = Optional.of(new Refusal(409, "An item can have at most " + Receipt.MAX_PER_ITEM
                            + " receipts and this one has " + line.receipts().size() + ". Nothing was attached."));
                } catch (InvalidValue e) {
                    refusal = Optional.of(new Refusal(400, e.detail()));
                }
            }
        } finally {
            for (InputStream content : opened) {
                content.close();
            }
        }
        if (refusal.isPresent()) {
            showItem(open, line, refusal.get().status(), edits(line.currency(), visit.formats).form(line.item()),
                    Optional.of(refusal.get().message()));
            return;
        }
        visit.redirect(open.path("/budget/" + id) + "?notice=" + Visit.encode(files.size() == 1
                ? "Attached \u201c" + shown(files.get(0)) + "\u201d." : "Attached " + files.size() + " receipts.") + "#receipts");
    }

    private static Optional<Refusal> check(UploadedFile file, long limit) {
        if (file.size() > limit) {
            return Optional.of(new Refusal(413, "\u201c" + shown(file) + "\u201d is larger than " + ReceiptFiles.limit(limit)
                    + ", the most a receipt can be, so nothing was attached."));
        }
        if (file.size() == 0) {
            return Optional.of(new Refusal(400, "\u201c" + shown(file) + "\u201d is empty, so nothing was attached."));
        }
        return Optional.empty();
    }

    private static String shown(UploadedFile file) {
        return ReceiptFiles.browserDecoded(file.filename()).replaceAll("\\p{Cntrl}", "");
    }

    /**
     * The bytes of a receipt, with the type it was stored as, for the browser to show. Written
     * with compression off: the length is announced up front, and the response compression would
     * otherwise gzip a PDF under it, which a browser then reads as a broken file.
     */
    private void receipt(Visit visit) throws IOException {
        TrackBudget.ReceiptFile file = budget.receipt(visit.user(), EventId.fromPath(visit.ctx.pathParam("e")),
                ReceiptId.fromPath(visit.ctx.pathParam("r")));
        Receipt receipt = file.receipt();
        Context ctx = visit.ctx;
        ctx.disableCompression();
        ctx.status(200);
        ctx.res().setCharacterEncoding(null); // bytes, not text: no "; charset=" after the type
        ctx.contentType(receipt.type().mediaType());
        ctx.header("Content-Length", Long.toString(receipt.sizeBytes()));
        ctx.header("Content-Disposition", ReceiptFiles.inline(receipt.fileName().value()));
        ctx.header("Content-Security-Policy", RECEIPT_CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        try (OutputStream out = ctx.outputStream()) {
            file.content().writeTo(out);
        }
    }

    private void confirmDeleteReceipt(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        Receipt receipt = budget.receipt(open.user(), open.id(), ReceiptId.fromPath(visit.ctx.pathParam("r"))).receipt();
        String back = open.path("/budget/" + receipt.budgetItem());
        visit.render("confirm.jte", new EventPages.ConfirmView(open.chrome("Delete receipt", "budget"),
                "Delete \u201c" + receipt.fileName().value() + "\u201d?",
                "This deletes the receipt's file for everyone in the event. It cannot be undone.",
                open.path("/receipts/" + receipt.id() + "/delete"), "Delete the receipt", back));
    }

    private void deleteReceipt(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        Receipt receipt = budget.receipt(open.user(), open.id(), ReceiptId.fromPath(visit.ctx.pathParam("r"))).receipt();
        budget.deleteReceipt(open.user(), open.id(), receipt.id());
        visit.redirect(open.path("/budget/" + receipt.budgetItem()) + "?notice="
                + Visit.encode("\u201c" + receipt.fileName().value() + "\u201d was deleted.") + "#receipts");
    }

    /** How amounts may be typed, in the reader's way. */
    private static String amountHint(Visit visit) {
        boolean comma = DecimalFormatSymbols.getInstance(visit.formats.locale()).getDecimalSeparator() == ',';
        return "Amounts as you write them, such as " + (comma ? "25.000 or 1250,50." : "25,000 or 1250.50.");
    }

    private static String money(Visit visit, Money money) {
        return visit.formats.money(money.minorUnits(), money.currency());
    }

    /** Why an upload was not kept, with the status of the page that says so. */
    private record Refusal(int status, String message) {
    }

    record SummaryView(Optional<String> planned, String estimated, String expected, String actual, String paid,
                       String stillToPay, Optional<String> remaining, boolean overBudget, int items) {
    }

    record CategoryRow(String name, int items, String estimated, String expected, String paid, String stillToPay) {
    }

    record ReceiptRow(String id, String name, String size, String kind, boolean image, String href) {
    }

    record ItemCard(String id, String title, String vendor, String estimated, String actual, String paid,
                    String stillToPay, String due, boolean overdue, String notes, List<ReceiptRow> receipts) {
    }

    record CategoryGroup(String name, List<ItemCard> items) {
    }

    record BudgetView(Chrome chrome, String id, boolean canEdit, SummaryView summary, List<CategoryRow> categories,
                      CategoryRow total, List<CategoryGroup> groups, List<String> categoryNames, EditForm form,
                      String currency, String amountHint) {
    }

    record ItemView(Chrome chrome, String eventId, String itemId, String title, String category, boolean canEdit,
                    EditForm form, List<String> categoryNames, String currency, List<ReceiptRow> receipts,
                    int receiptsLeft, Optional<String> uploadError, String accept, String fileLimit, String amountHint) {

        String path() {
            return "/events/" + eventId + "/budget/" + itemId;
        }
    }
}
