package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.edit.Versioned;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.ports.in.ManageGuests;
import java.util.List;
import java.util.Map;

/**
 * A household's own page ({@code /events/{e}/households/{h}}): editing its name, address and
 * notes, the guests in it, and deleting it once it is empty. Adding one is on the guest list.
 */
final class HouseholdPages {

    private final WebApp app;
    private final Edits<Household> edits = new Edits<>(HouseholdForm::values, HouseholdForm.LABELS);

    HouseholdPages(WebApp app) {
        this.app = app;
    }

    void register() {
        app.get("/events/{e}/households/{h}", visit -> {
            OpenEvent open = open(visit);
            Household household = household(open);
            show(open, household, 200, edits.form(household));
        });
        app.post("/events/{e}/households/{h}", this::save);
        app.get("/events/{e}/households/{h}/delete", this::confirmDelete);
        app.post("/events/{e}/households/{h}/delete", this::delete);
    }

    private OpenEvent open(Visit visit) {
        return OpenEvent.of(visit, app.ports().planEvents());
    }

    private ManageGuests guests() {
        return app.ports().manageGuests();
    }

    private Household household(OpenEvent open) {
        return guests().household(open.user(), open.id(), HouseholdId.fromPath(open.visit().ctx.pathParam("h")));
    }

    private List<Guest> members(OpenEvent open, Household household) {
        return guests().guests(open.user(), open.id()).stream().filter(g -> g.household().equals(household.id())).toList();
    }

    private void show(OpenEvent open, Household household, int status, EditForm form) {
        List<GuestPages.Option> members = members(open, household).stream()
                .map(g -> new GuestPages.Option(g.id().toString(), g.details().name())).toList();
        open.visit().render(status, "household.jte", new HouseholdView(open.chrome(household.details().name(), "guests"),
                open.id().toString(), household.id().toString(), household.details().name(), form, members, open.canEdit()));
    }

    private void save(Visit visit) {
        OpenEvent open = open(visit);
        Household household = household(open);
        EditForm form = EditForm.posted(visit, edits.fields());
        Edits.Outcome<Household> outcome = edits.save(form, (version, changed) -> HouseholdForm.worded(() -> guests()
                .editHousehold(open.user(), open.id(), household.id(), version, HouseholdForm.edit(changed))),
                this::name, visit.formats, open.zone());
        if (outcome.again().isPresent()) {
            show(open, household, outcome.again().get().conflict().isPresent() ? 409 : 400, outcome.again().get());
            return;
        }
        String name = outcome.saved().map(h -> h.details().name()).orElse(household.details().name());
        visit.redirect(open.path("/guests") + "?notice=" + Visit.encode(outcome.saved().isPresent() ? "Saved \u201c" + name + "\u201d."
                : "Nothing to save: \u201c" + name + "\u201d is as it was.") + "#household-" + household.id());
    }

    private String name(Versioned state) {
        return app.ports().viewProfile().profile(state.updatedBy()).displayName().value();
    }

    private void confirmDelete(Visit visit) {
        OpenEvent open = open(visit);
        GuestPages.requireEditor(open);
        Household household = household(open);
        String name = household.details().name();
        int left = members(open, household).size();
        String text = left == 0 ? "This takes the household \u201c" + name + "\u201d off the guest list. It cannot be undone."
                : "\u201c" + name + "\u201d still has " + Formats.count(left, "guest", "guests")
                        + ", and a household can only be deleted once it is empty: move or delete its guests first.";
        visit.render("confirm.jte", new EventPages.ConfirmView(open.chrome("Delete " + name, "guests"), "Delete " + name + "?",
                text, open.path("/households/" + household.id() + "/delete"), "Delete the household",
                open.path("/guests#household-" + household.id()), Map.of("version", Long.toString(household.version()))));
    }

    private void delete(Visit visit) {
        OpenEvent open = open(visit);
        Household household = household(open);
        try {
            guests().deleteHousehold(open.user(), open.id(), household.id(), GuestPages.version(visit));
        } catch (Conflict refused) {
            if (!"household_not_empty".equals(refused.errorCode())) {
                throw refused;
            }
            int left = members(open, household).size();
            show(open, household, 409, edits.form(household).refused("\u201c" + household.details().name() + "\u201d still has "
                    + Formats.count(left, "guest", "guests") + ", so it was not deleted. Move or delete its guests first."));
            return;
        }
        visit.redirect(open.path("/guests") + "?notice=" + Visit.encode("\u201c" + household.details().name()
                + "\u201d was deleted."));
    }

    record HouseholdView(Chrome chrome, String eventId, String householdId, String name, EditForm form,
                         List<GuestPages.Option> guests, boolean canEdit) {
    }
}
