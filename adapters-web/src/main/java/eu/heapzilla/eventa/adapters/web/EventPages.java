package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.budget.BudgetSummary;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.live.MemberPresence;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.timeline.Timeline;
import eu.heapzilla.eventa.domain.timeline.TimelineBucket;
import eu.heapzilla.eventa.ports.in.ManageMembers;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event list, a new event, an event's overview (its dashboard), its brief, and deleting it. */
final class EventPages {

    private final WebApp app;
    private final Edits<Event> briefEdits = new Edits<>(BriefForm::values, BriefForm.LABELS);

    EventPages(WebApp app) {
        this.app = app;
    }

    void register() {
        app.get("/events", this::list);
        app.get("/events/new", visit -> showNew(visit, 200, EditForm.showing(0, Map.of("timezone", "Europe/Vienna",
                "currency", "EUR"))));
        app.post("/events", this::create);
        app.get("/events/{e}", this::dashboard);
        app.get("/events/{e}/brief", visit -> {
            OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
            showBrief(open, 200, briefEdits.form(open.event()));
        });
        app.post("/events/{e}/brief", this::saveBrief);
        app.get("/events/{e}/delete", this::confirmDelete);
        app.post("/events/{e}/delete", this::delete);
    }

    private void list(Visit visit) {
        List<PlanEvents.YourEvent> mine = app.ports().planEvents().mine(visit.user());
        List<EventRow> rows = mine.stream().map(e -> new EventRow(e.event().id().toString(), e.event().brief().title(),
                e.event().brief().date().map(visit.formats::date).orElse("No date yet"), e.event().brief().location().orElse(""),
                e.role().wireName())).toList();
        visit.render("events.jte", new EventsView(visit.chrome("Your events"), rows));
    }

    private void showNew(Visit visit, int status, EditForm form) {
        visit.render(status, "event_new.jte", new NewEventView(visit.chrome("New event"), form, Zones.ALL));
    }

    private void create(Visit visit) {
        EditForm form = EditForm.posted(visit, List.copyOf(BriefForm.LABELS.keySet()));
        EventBrief brief;
        try {
            var currency = EventBrief.currency(form.value("currency"));
            brief = new EventBrief(form.value("title"), Inputs.date("Date", form.value("date")).map(EventBrief::date),
                    EventBrief.timezone(form.value("timezone")), currency, EventBrief.location(form.value("location")),
                    EventBrief.notes(form.value("notes")),
                    Inputs.amount(visit.formats, "Planned budget", form.value("planned_budget"), currency)
                            .map(OptionalLong::of).orElse(OptionalLong.empty()));
        } catch (InvalidValue e) {
            showNew(visit, 400, form.refused(e.detail()));
            return;
        }
        PlanEvents.YourEvent created = app.ports().planEvents().plan(visit.user(), brief);
        visit.redirect("/events/" + created.event().id());
    }

    private void dashboard(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        UserId user = open.user();
        List<Guest> guests = app.ports().manageGuests().guests(user, open.id());
        Map<Rsvp, Long> byRsvp = new EnumMap<>(Rsvp.class);
        for (Rsvp rsvp : Rsvp.values()) {
            byRsvp.put(rsvp, 0L);
        }
        long attending = 0;
        for (Guest guest : guests) {
            byRsvp.merge(guest.details().rsvp(), 1L, Long::sum);
            if (guest.details().rsvp() == Rsvp.YES) {
                attending += guest.details().plusOne() ? 2 : 1;
            }
        }
        Timeline timeline = app.ports().keepChecklist().timeline(user, open.id(), Optional.empty(), Optional.empty());
        long open_ = timeline.buckets().entrySet().stream().filter(b -> b.getKey() != TimelineBucket.DONE)
                .mapToLong(b -> b.getValue().size()).sum();
        List<Task> overdue = timeline.tasksIn(TimelineBucket.OVERDUE);
        List<Task> thisWeek = timeline.tasksIn(TimelineBucket.THIS_WEEK);
        BudgetSummary budget = app.ports().trackBudget().summary(user, open.id());
        Map<UserId, User> people = app.ports().manageMembers().members(user, open.id()).stream()
                .collect(Collectors.toMap(m -> m.user().id(), ManageMembers.Member::user));
        Instant now = Instant.now();
        List<Person> presence = app.ports().seePresence().presence(user, open.id()).stream()
                .map(p -> person(visit, open, people, p, now)).toList();
        Optional<Long> daysToGo = open.event().brief().date().map(d -> ChronoUnit.DAYS.between(timeline.today(), d));
        Function<eu.heapzilla.eventa.domain.budget.Money, String> money = m -> visit.formats.money(m.minorUnits(), m.currency());
        visit.render("dashboard.jte", new DashboardView(open.chrome("Overview", "overview"), open.id().toString(),
                open.event().brief().title(), open.event().brief().date().map(visit.formats::longDate).orElse("No date yet"),
                daysToGo, open.event().brief().location().orElse(""), guests.size(), attending, byRsvp.get(Rsvp.YES),
                byRsvp.get(Rsvp.NO), byRsvp.get(Rsvp.MAYBE), byRsvp.get(Rsvp.PENDING), open_, overdue.size(),
                thisWeek.stream().limit(5).map(t -> new TaskLine(t.details().title(),
                        t.details().dueOn().map(visit.formats::date).orElse(""))).toList(),
                overdue.stream().limit(5).map(t -> new TaskLine(t.details().title(),
                        t.details().dueOn().map(visit.formats::date).orElse(""))).toList(),
                money.apply(budget.overall().expected()), budget.planned().map(money), budget.remaining().map(money),
                budget.overBudget(), presence, open.canEdit()));
    }

    private static Person person(Visit visit, OpenEvent open, Map<UserId, User> people, MemberPresence presence, Instant now) {
        User user = people.get(presence.user());
        String name = user == null ? "A member" : user.displayName().value();
        boolean you = presence.user().equals(open.user());
        String seen = presence.online() || you ? "online now"
                : presence.lastSeen().map(at -> "last here " + visit.formats.ago(at, now, open.zone())).orElse("not here yet");
        return new Person(name, presence.online() || you, seen, you);
    }

    private void showBrief(OpenEvent open, int status, EditForm form) {
        open.visit().render(status, "brief.jte", new BriefView(open.chrome("Brief", "brief"), open.id().toString(), form,
                open.canEdit(), open.role().wireName().equals("owner"), Zones.ALL));
    }

    private void saveBrief(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        EditForm form = EditForm.posted(visit, briefEdits.fields());
        Edits.Outcome<Event> outcome = briefEdits.save(form,
                (version, changed) -> app.ports().planEvents().edit(open.user(), open.id(), version,
                        BriefForm.edit(changed, open.event(), visit.formats)).event(),
                state -> app.ports().viewProfile().profile(state.updatedBy()).displayName().value(), visit.formats, open.zone());
        if (outcome.again().isPresent()) {
            showBrief(open, outcome.again().get().conflict().isPresent() ? 409 : 400, outcome.again().get());
            return;
        }
        visit.redirect(open.path("/brief") + "?notice=" + Visit.encode("Saved."));
    }

    private void confirmDelete(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        visit.render("confirm.jte", new ConfirmView(open.chrome("Delete event", "brief"), "Delete " + open.event().brief().title() + "?",
                "This deletes the event for everyone in it: its guests, checklist, budget and receipts. It cannot be undone."
                        + " You may want to download its export first.",
                open.path("/delete"), "Delete the event", open.path("/brief")));
    }

    private void delete(Visit visit) {
        OpenEvent open = OpenEvent.of(visit, app.ports().planEvents());
        app.ports().planEvents().delete(open.user(), open.id());
        visit.redirect("/events?notice=" + Visit.encode("\u201c" + open.event().brief().title() + "\u201d was deleted."));
    }

    record EventRow(String id, String title, String when, String where, String role) {
    }

    record EventsView(Chrome chrome, List<EventRow> events) {
    }

    record NewEventView(Chrome chrome, EditForm form, List<String> zones) {
    }

    record TaskLine(String title, String due) {
    }

    record Person(String name, boolean online, String seen, boolean you) {
    }

    record DashboardView(Chrome chrome, String id, String title, String when, Optional<Long> daysToGo, String where,
                         long guests, long attending, long yes, long no, long maybe, long pending, long openTasks,
                         long overdueTasks, List<TaskLine> thisWeek, List<TaskLine> overdue, String expected,
                         Optional<String> planned, Optional<String> remaining, boolean overBudget, List<Person> people,
                         boolean canEdit) {

        String countdown() {
            if (daysToGo.isEmpty()) {
                return "Set a date in the brief";
            }
            long days = daysToGo.get();
            return days > 1 ? days + " days to go" : days == 1 ? "Tomorrow!" : days == 0 ? "Today!" : "It was " + -days + " days ago";
        }
    }

    record BriefView(Chrome chrome, String id, EditForm form, boolean canEdit, boolean owner, List<String> zones) {
    }

    /** A question before something is deleted: what goes, the button that does it, and the way back. */
    record ConfirmView(Chrome chrome, String heading, String text, String action, String button, String back,
                       Map<String, String> hidden) {

        ConfirmView(Chrome chrome, String heading, String text, String action, String button, String back) {
            this(chrome, heading, text, action, button, back, Map.of());
        }
    }
}
