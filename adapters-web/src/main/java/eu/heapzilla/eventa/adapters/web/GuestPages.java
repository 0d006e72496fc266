package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.edit.Versioned;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.ports.in.ManageGuests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guest list ({@code /events/{e}/guests}): households with their guests, the totals, a filter
 * by answer, adding households and guests, one-click answers, and a guest's own page to edit,
 * move or delete them. Households' own pages are {@link HouseholdPages}.
 */
final class GuestPages {

    private final WebApp app;
    private final Edits<Guest> edits = new Edits<>(GuestForm::values, GuestForm.LABELS);

    GuestPages(WebApp app) {
        this.app = app;
    }

    void register() {
        app.get("/events/{e}/guests", visit -> {
            OpenEvent open = open(visit);
            Optional<String> household = visit.query("household");
            showList(open, 200, EditForm.showing(0, Map.of()), household.map(h -> Map.of("household", h)), Optional.empty());
        });
        app.post("/events/{e}/guests", this::addGuest);
        app.post("/events/{e}/households", this::addHousehold);
        // where a refused new household is shown: the live refresh reads the page again from here
        app.get("/events/{e}/households", visit -> showList(open(visit), 200, EditForm.showing(0, Map.of()),
                Optional.empty(), Optional.empty()));
        app.get("/events/{e}/guests/{g}", this::showGuest);
        app.post("/events/{e}/guests/{g}", this::saveGuest);
        app.post("/events/{e}/guests/{g}/rsvp", this::answer);
        app.get("/events/{e}/guests/{g}/delete", this::confirmDelete);
        app.post("/events/{e}/guests/{g}/delete", this::delete);
        new HouseholdPages(app).register();
    }

    private OpenEvent open(Visit visit) {
        return OpenEvent.of(visit, app.ports().planEvents());
    }

    private ManageGuests guests() {
        return app.ports().manageGuests();
    }

    // ---- the list

    /**
     * Shows the list with the two add forms: {@code newHousehold} as typed, and the guest form
     * either as typed ({@code typedGuest}) or fresh with {@code guestPreset}'s values.
     */
    private void showList(OpenEvent open, int status, EditForm newHousehold, Optional<Map<String, String>> guestPreset,
                          Optional<EditForm> typedGuest) {
        Visit visit = open.visit();
        List<Household> households = guests().households(open.user(), open.id());
        List<Guest> all = guests().guests(open.user(), open.id());
        Optional<Rsvp> filter = visit.query("rsvp").flatMap(GuestForm::answer);

        Map<String, List<GuestRow>> rows = new LinkedHashMap<>();
        for (Guest guest : all) {
            if (filter.isEmpty() || guest.details().rsvp() == filter.get()) {
                rows.computeIfAbsent(guest.household().toString(), h -> new ArrayList<>()).add(row(guest));
            }
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        all.forEach(g -> sizes.merge(g.household().toString(), 1L, Long::sum));
        List<HouseholdBlock> blocks = households.stream()
                .filter(h -> filter.isEmpty() || rows.containsKey(h.id().toString()))
                .map(h -> new HouseholdBlock(h.id().toString(), h.details().name(), h.details().address().orElse(""),
                        h.details().notes().orElse(""), rows.getOrDefault(h.id().toString(), List.of()),
                        sizes.getOrDefault(h.id().toString(), 0L)))
                .toList();

        Totals totals = Totals.of(all);
        String base = open.path("/guests");
        List<FilterLink> filters = new ArrayList<>();
        filters.add(new FilterLink("all", "All", base, totals.guests(), filter.isEmpty()));
        GuestForm.ANSWERS.forEach((rsvp, label) -> filters.add(new FilterLink(rsvp.wireName(), label, base + "?rsvp=" + rsvp.wireName(),
                totals.count(rsvp), filter.equals(Optional.of(rsvp)))));

        List<Option> householdOptions = options(households);
        EditForm newGuest = typedGuest.orElseGet(() -> {
            Map<String, String> fresh = new LinkedHashMap<>(Map.of("rsvp", Rsvp.PENDING.wireName()));
            fresh.put("household", householdOptions.isEmpty() ? "" : householdOptions.get(householdOptions.size() - 1).value());
            guestPreset.ifPresent(fresh::putAll);
            return EditForm.showing(0, fresh);
        });
        boolean householdOpen = households.isEmpty() || newHousehold.error().isPresent();
        boolean guestOpen = !households.isEmpty() && (typedGuest.isPresent() || guestPreset.isPresent());

        visit.render(status, "guests.jte", new ListView(open.chrome("Guests", "guests"), open.id().toString(), open.canEdit(),
                totals, filters, filter.map(GuestForm.ANSWERS::get), filter.map(Rsvp::wireName).orElse(""),
                !households.isEmpty(), blocks, householdOptions, answers(), newHousehold, newGuest, householdOpen, guestOpen));
    }

    private static GuestRow row(Guest guest) {
        GuestDetails d = guest.details();
        return new GuestRow(guest.id().toString(), d.name(), d.rsvp().wireName(), GuestForm.ANSWERS.get(d.rsvp()),
                guest.version(), d.mealChoice().orElse(""), d.dietaryNotes().orElse(""), d.plusOne(),
                d.plusOneName().orElse(""), d.child());
    }

    static List<Option> answers() {
        return GuestForm.ANSWERS.entrySet().stream().map(a -> new Option(a.getKey().wireName(), a.getValue())).toList();
    }

    private static Map<String, String> typed(Visit visit, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field, visit.raw(field).strip()));
        return values;
    }

    private void addHousehold(Visit visit) {
        OpenEvent open = open(visit);
        Map<String, String> typed = typed(visit, HouseholdForm.fields());
        Household added;
        try {
            HouseholdDetails details = HouseholdForm.worded(() -> HouseholdForm.details(typed));
            added = HouseholdForm.worded(() -> guests().addHousehold(open.user(), open.id(), details));
        } catch (InvalidValue refused) {
            showList(open, 400, EditForm.showing(0, typed).refused(refused.detail()), Optional.empty(), Optional.empty());
            return;
        }
        visit.redirect(open.path("/guests") + "?household=" + added.id() + "&notice="
                + Visit.encode("Added \u201c" + added.details().name() + "\u201d. Now add its guests.") + "#add-guest");
    }

    private void addGuest(Visit visit) {
        OpenEvent open = open(visit);
        Map<String, String> typed = typed(visit, GuestForm.fields());
        Guest added;
        try {
            GuestDetails details = GuestForm.worded(() -> GuestForm.details(typed));
            added = GuestForm.worded(() -> guests().addGuest(open.user(), open.id(), details));
        } catch (InvalidValue refused) {
            showList(open, 400, EditForm.showing(0, Map.of()), Optional.empty(),
                    Optional.of(EditForm.showing(0, typed).refused(refused.detail())));
            return;
        }
        visit.redirect(open.path("/guests") + "?household=" + added.household() + "&notice="
                + Visit.encode("Added " + added.details().name() + ".") + "#add-guest");
    }

    // ---- one click: an answer

    /**
     * One answer button: the click is the person's intent for the answer alone, so it is saved on
     * top of whatever else changed since the list was shown; only when someone else changed the
     * answer itself does the guest's page come up with both answers to choose from. The answer goes
     * back to the list as it was filtered; htmx follows that redirect and takes just this guest's
     * row (gone when it no longer matches the filter) and the totals from it.
     */
    private void answer(Visit visit) {
        boolean htmx = "true".equals(visit.ctx.header("HX-Request"));
        try {
            OpenEvent open = open(visit);
            GuestId id = GuestId.fromPath(visit.ctx.pathParam("g"));
            Rsvp wanted = Rsvp.parse("rsvp", visit.raw("rsvp"));
            EditForm click = new EditForm(version(visit), Map.of("rsvp", wanted.wireName()),
                    Map.of("rsvp", visit.raw(EditForm.WAS + "rsvp")), Optional.empty(), Optional.empty());
            Edits.Outcome<Guest> outcome = edits.save(click, (basedOn, changed) -> guests().editGuest(open.user(),
                    open.id(), id, basedOn, GuestForm.edit(changed)), this::name, visit.formats, open.zone());
            if (outcome.again().isPresent() && outcome.again().get().conflict().isEmpty()) {
                throw new Refused(400, "That didn't work", outcome.again().get().error().orElse("Reload the page and try again."));
            }
            Optional<Rsvp> filter = GuestForm.answer(visit.raw("filter"));
            String next = outcome.again().isPresent() ? open.path("/guests/" + id) + "?rsvp_clash=" + wanted.wireName()
                    : open.path("/guests") + filter.map(f -> "?rsvp=" + f.wireName()).orElse("") + "#guest-" + id;
            if (htmx && outcome.again().isPresent()) {
                // a whole page to decide on, not a row
                visit.ctx.header("HX-Redirect", next).status(204);
            } else {
                visit.redirect(next);
            }
        } catch (NotSignedIn e) {
            if (!htmx) {
                throw e;
            }
            // htmx would follow a redirect to the sign-in page without a word and find no row in it
            visit.ctx.header("HX-Redirect", "/signin").status(204);
        } catch (RuntimeException refused) {
            if (htmx) {
                // htmx swaps nothing on an error: the whole page comes back, showing how things stand
                visit.ctx.header("HX-Refresh", "true");
            }
            throw refused;
        }
    }

    private String name(Versioned state) {
        return app.ports().viewProfile().profile(state.updatedBy()).displayName().value();
    }

    static long version(Visit visit) {
        try {
            return Long.parseLong(visit.raw("version"));
        } catch (NumberFormatException e) {
            throw new Refused(400, "This form is incomplete", "Reload the page and try again.");
        }
    }

    // ---- a guest's page

    private void showGuest(Visit visit) {
        OpenEvent open = open(visit);
        Guest guest = guests().guest(open.user(), open.id(), GuestId.fromPath(visit.ctx.pathParam("g")));
        Optional<Rsvp> clash = visit.query("rsvp_clash").flatMap(GuestForm::answer)
                .filter(mine -> mine != guest.details().rsvp());
        // 200 even with the clash: the live refresh reloads a page it reads back with an error status
        showGuest(open, guest, 200, clash.map(mine -> answerClash(open, guest, mine)).orElseGet(() -> edits.form(guest)));
    }

    /** The guest's form after a one-click answer met someone else's: their answer saved, this person's typed in. */
    private EditForm answerClash(OpenEvent open, Guest current, Rsvp mine) {
        Map<String, String> theirs = GuestForm.values(current);
        Map<String, String> values = new LinkedHashMap<>(theirs);
        values.put("rsvp", mine.wireName());
        Edits.Clashes clashes = new Edits.Clashes(name(current),
                open.visit().formats.ago(current.updatedAt(), Instant.now(), open.zone()),
                List.of(new Edits.Clash("rsvp", GuestForm.LABELS.get("rsvp"), mine.wireName(), theirs.get("rsvp"))));
        return new EditForm(current.version(), values, theirs, Optional.of(clashes), Optional.empty());
    }

    private void showGuest(OpenEvent open, Guest guest, int status, EditForm form) {
        List<Option> households = options(guests().households(open.user(), open.id()));
        open.visit().render(status, "guest.jte", new GuestView(open.chrome(guest.details().name(), "guests"),
                open.id().toString(), guest.id().toString(), guest.details().name(), readable(form, households), households,
                answers(), open.canEdit()));
    }

    /** The form with its conflict panel's values as a person reads them: household names, not ids. */
    private static EditForm readable(EditForm form, List<Option> households) {
        if (form.conflict().isEmpty()) {
            return form;
        }
        Map<String, String> names = new LinkedHashMap<>();
        households.forEach(h -> names.put(h.value(), h.label()));
        Edits.Clashes clashes = form.conflict().get();
        List<Edits.Clash> shown = clashes.fields().stream().map(c -> new Edits.Clash(c.field(), c.label(),
                GuestForm.shown(c.field(), c.mine(), names), GuestForm.shown(c.field(), c.theirs(), names))).toList();
        return new EditForm(form.version(), form.values(), form.was(),
                Optional.of(new Edits.Clashes(clashes.who(), clashes.ago(), shown)), form.error());
    }

    private static List<Option> options(List<Household> households) {
        return households.stream().map(h -> new Option(h.id().toString(), h.details().name())).toList();
    }

    private void saveGuest(Visit visit) {
        OpenEvent open = open(visit);
        Guest guest = guests().guest(open.user(), open.id(), GuestId.fromPath(visit.ctx.pathParam("g")));
        EditForm form = EditForm.posted(visit, edits.fields());
        Edits.Outcome<Guest> outcome = edits.save(form, (version, changed) -> GuestForm.worded(() -> guests()
                .editGuest(open.user(), open.id(), guest.id(), version, GuestForm.edit(changed))), this::name,
                visit.formats, open.zone());
        if (outcome.again().isPresent()) {
            showGuest(open, guest, outcome.again().get().conflict().isPresent() ? 409 : 400, outcome.again().get());
            return;
        }
        String name = outcome.saved().map(g -> g.details().name()).orElse(guest.details().name());
        visit.redirect(open.path("/guests") + "?notice=" + Visit.encode(outcome.saved().isPresent() ? "Saved " + name + "."
                : "Nothing to save: " + name + " is as it was.") + "#guest-" + guest.id());
    }

    private void confirmDelete(Visit visit) {
        OpenEvent open = open(visit);
        requireEditor(open);
        Guest guest = guests().guest(open.user(), open.id(), GuestId.fromPath(visit.ctx.pathParam("g")));
        String name = guest.details().name();
        visit.render("confirm.jte", new EventPages.ConfirmView(open.chrome("Delete " + name, "guests"), "Delete " + name + "?",
                "This takes " + name + " off the guest list, with their answer and notes. It cannot be undone.",
                open.path("/guests/" + guest.id() + "/delete"), "Delete the guest", open.path("/guests#guest-" + guest.id()),
                Map.of("version", Long.toString(guest.version()))));
    }

    private void delete(Visit visit) {
        OpenEvent open = open(visit);
        Guest guest = guests().guest(open.user(), open.id(), GuestId.fromPath(visit.ctx.pathParam("g")));
        guests().deleteGuest(open.user(), open.id(), guest.id(), version(visit));
        visit.redirect(open.path("/guests") + "?notice=" + Visit.encode(guest.details().name() + " was taken off the list."));
    }

    static void requireEditor(OpenEvent open) {
        if (!open.canEdit()) {
            throw new Refused(403, "Not allowed", "You can read the guest list; editors and owners change it.");
        }
    }

    /** The numbers above the list, over every guest whatever the filter. */
    record Totals(long guests, long attending, long yes, long no, long maybe, long pending, long children) {

        static Totals of(List<Guest> guests) {
            long attending = 0;
            long children = 0;
            long[] byAnswer = new long[Rsvp.values().length];
            for (Guest guest : guests) {
                GuestDetails d = guest.details();
                byAnswer[d.rsvp().ordinal()]++;
                if (d.rsvp() == Rsvp.YES) {
                    attending += d.plusOne() ? 2 : 1;
                }
                if (d.child()) {
                    children++;
                }
            }
            return new Totals(guests.size(), attending, byAnswer[Rsvp.YES.ordinal()], byAnswer[Rsvp.NO.ordinal()],
                    byAnswer[Rsvp.MAYBE.ordinal()], byAnswer[Rsvp.PENDING.ordinal()], children);
        }

        long count(Rsvp rsvp) {
            return switch (rsvp) {
                case YES -> yes;
                case NO -> no;
                case MAYBE -> maybe;
                case PENDING -> pending;
            };
        }
    }

    record FilterLink(String key, String label, String href, long count, boolean current) {
    }

    /** One guest's row: {@code rsvp} is the wire name, {@code answer} its word. */
    record GuestRow(String id, String name, String rsvp, String answer, long version, String meal, String dietary,
                    boolean plusOne, String plusOneName, boolean child) {
    }

    /** A household as the list shows it: its guests (those the filter keeps) and how many it has in all. */
    record HouseholdBlock(String id, String name, String address, String notes, List<GuestRow> guests, long size) {
    }

    /** A choice in a select or a row of buttons. */
    record Option(String value, String label) {
    }

    record ListView(Chrome chrome, String id, boolean canEdit, Totals totals, List<FilterLink> filters,
                    Optional<String> filterLabel, String filter, boolean anyHouseholds, List<HouseholdBlock> households,
                    List<Option> householdOptions, List<Option> answers, EditForm newHousehold, EditForm newGuest,
                    boolean householdOpen, boolean guestOpen) {
    }

    record GuestView(Chrome chrome, String eventId, String guestId, String name, EditForm form, List<Option> households,
                     List<Option> answers, boolean canEdit) {
    }
}
