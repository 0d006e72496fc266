package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.export.EventDocument.GuestEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.HouseholdEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.MemberEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.TaskEntry;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Completion;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.ports.in.ExportEvents;
import eu.heapzilla.eventa.ports.in.PlanEvents.YourEvent;
import eu.heapzilla.eventa.ports.in.TrackBudget;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventExportingTest {

    private final EventWorld world = new EventWorld();
    private final ExportEvents exports = world.useCases.exportEvents();
    private final UserId jane = world.user("Jane");
    private final UserId gerda = world.user("Gerda");
    private final EventId wedding = world.plan(jane, "Jane's wedding");

    @Test
    void onlyMembersExportAndANonMemberIsToldThereIsNoSuchEvent() {
        UserId stranger = world.user("Stranger");
        assertThrows(NotFound.class, () -> exports.export(stranger, wedding));
        assertThrows(NotFound.class, () -> exports.export(jane, EventId.random()));
        UserId vera = world.join(jane, wedding, "Vera", Role.VIEWER);
        assertEquals(wedding, exports.export(vera, wedding).event());
    }

    @Test
    void theExportHoldsTheWholeEventAtItsCursorAndTheSameStateGivesTheSameDocument() {
        world.join(jane, wedding, "Gerda2", Role.EDITOR);
        fill(wedding);

        EventDocument first = exports.export(jane, wedding);
        EventDocument second = exports.export(jane, wedding);

        assertEquals(first, second);
        assertEquals(world.adapters.events.lastChangeSeq(wedding).orElseThrow(), first.cursor());
        assertEquals(Set.of("Jane", "Gerda2"), first.members().stream().map(m -> m.displayName().value())
                .collect(Collectors.toSet()));
        assertEquals(2, first.households().size());
        assertEquals(3, first.guests().size());
        assertEquals(4, first.tasks().size());
        assertEquals(2, first.budgetItems().size());
        assertEquals(1, first.receipts().size());
        assertEquals(64, first.receipts().get(0).sha256().length());

        world.useCases.manageGuests().addHousehold(jane, wedding, HouseholdDetails.named("Late additions"));
        EventDocument later = exports.export(jane, wedding);
        assertNotEquals(first, later);
        assertEquals(first.cursor() + 1, later.cursor());
    }

    @Test
    void anImportCreatesANewEventWithNewIdsOwnedByTheImporterAndLogsEveryEntity() {
        fill(wedding);
        EventDocument document = exports.export(jane, wedding);
        world.tick();

        YourEvent imported = exports.importEvent(gerda, document);

        EventId copy = imported.event().id();
        assertNotEquals(wedding, copy);
        assertEquals(Role.OWNER, imported.role());
        assertEquals(document.brief(), imported.event().brief());
        assertEquals(gerda, imported.event().createdBy());
        assertEquals(List.of(gerda), world.adapters.memberships.ofEvent(copy).stream().map(m -> m.user()).toList());

        List<Household> households = world.adapters.households.ofEvent(copy);
        List<Guest> guests = world.adapters.guests.ofEvent(copy);
        List<Task> tasks = world.adapters.tasks.ofEvent(copy, TaskFilter.all());
        List<BudgetItem> items = world.adapters.budgetItems.ofEvent(copy);
        assertEquals(document.households().size(), households.size());
        assertEquals(document.guests().size(), guests.size());
        assertEquals(document.tasks().size(), tasks.size());
        assertEquals(document.budgetItems().size(), items.size());
        assertEquals(List.of(), world.adapters.receipts.ofEvent(copy), "receipts are not imported: no bytes");
        Set<String> oldIds = new HashSet<>();
        document.households().forEach(h -> oldIds.add(h.id().toString()));
        document.guests().forEach(g -> oldIds.add(g.id().toString()));
        document.tasks().forEach(t -> oldIds.add(t.id().toString()));
        document.budgetItems().forEach(b -> oldIds.add(b.id().toString()));
        households.forEach(h -> assertFalse(oldIds.contains(h.id().toString())));
        guests.forEach(g -> assertFalse(oldIds.contains(g.id().toString())));
        tasks.forEach(t -> assertFalse(oldIds.contains(t.id().toString())));
        items.forEach(b -> assertFalse(oldIds.contains(b.id().toString())));
        for (Guest guest : guests) {
            assertTrue(world.adapters.households.byId(copy, guest.household()).isPresent(), "guests follow their household");
            assertEquals(1, guest.version());
            assertEquals(gerda, guest.revision().createdBy());
        }

        List<Change> log = world.log(copy);
        assertEquals(2 + households.size() + guests.size() + tasks.size() + items.size(), log.size());
        assertTrue(log.stream().allMatch(c -> c.op() == ChangeOp.CREATED && c.version() == 1 && c.actor().equals(gerda)));
        assertEquals(EntityType.EVENT, log.get(0).entityType());
        assertEquals(EntityType.MEMBER, log.get(1).entityType());
        assertEquals(createdIds(households, h -> h.id().toString()), loggedIds(log, EntityType.HOUSEHOLD));
        assertEquals(createdIds(guests, g -> g.id().toString()), loggedIds(log, EntityType.GUEST));
        assertEquals(createdIds(tasks, t -> t.id().toString()), loggedIds(log, EntityType.TASK));
        assertEquals(createdIds(items, b -> b.id().toString()), loggedIds(log, EntityType.BUDGET_ITEM));
        for (int i = 0; i < log.size(); i++) {
            assertEquals(i + 1, log.get(i).seq());
        }
        assertEquals(Optional.of((long) log.size()), world.adapters.events.lastChangeSeq(copy));
    }

    @Test
    void exportImportExportGivesTheSameContentApartFromIdsMembersReceiptsAndCursor() {
        fill(wedding);
        EventDocument before = exports.export(jane, wedding);

        EventId copy = exports.importEvent(jane, before).event().id();
        EventDocument after = exports.export(jane, copy);

        assertEquals(content(before), content(after));
        assertEquals(1, before.receipts().size());
        assertEquals(List.of(new MemberEntry(jane, DisplayName.of("Jane"), Role.OWNER)), after.members());
        assertEquals(List.of(), after.receipts());
    }

    @Test
    void anAssigneeOtherThanTheImporterIsClearedAndWhoFinishedATaskIsKeptWhenTheyAreAUserHere() {
        UserId elsewhere = UserId.random();
        Instant finished = Instant.parse("2026-05-01T10:15:30Z");
        EventDocument source = exports.export(jane, wedding);
        List<TaskEntry> tasks = List.of(
                task("Mine", Optional.of(gerda), Optional.empty()),
                task("Jane's", Optional.of(jane), Optional.empty()),
                task("Done by Jane", Optional.empty(), Optional.of(new Completion(finished, jane))),
                task("Done elsewhere", Optional.of(elsewhere), Optional.of(new Completion(finished, elsewhere))));
        EventDocument document = new EventDocument(1, 9, source.event(), source.brief(), source.members(), List.of(),
                List.of(), tasks, List.of(), List.of());

        EventId copy = exports.importEvent(gerda, document).event().id();

        Map<String, Task> byTitle = world.adapters.tasks.ofEvent(copy, TaskFilter.all()).stream()
                .collect(Collectors.toMap(t -> t.details().title(), t -> t));
        assertEquals(Optional.of(gerda), byTitle.get("Mine").details().assignee(), "the importer stays assigned");
        assertEquals(Optional.empty(), byTitle.get("Jane's").details().assignee(), "Jane is no member of the copy");
        assertEquals(Optional.of(new Completion(finished, jane)), byTitle.get("Done by Jane").done(),
                "Jane is a user here, so she still finished it");
        assertEquals(Optional.of(new Completion(finished, gerda)), byTitle.get("Done elsewhere").done(),
                "a user unknown here becomes the importer");
        assertEquals(Optional.empty(), byTitle.get("Done elsewhere").details().assignee());
    }

    @Test
    void aDocumentWithAGuestInAnUnknownHouseholdIsRefusedBeforeAnythingIsCreated() {
        fill(wedding);
        EventDocument valid = exports.export(jane, wedding);
        List<GuestEntry> guests = new ArrayList<>(valid.guests());
        GuestEntry lost = guests.get(1);
        guests.set(1, new GuestEntry(lost.id(), GuestDetails.named(HouseholdId.random(), "Lost guest")));
        int changes = world.log(wedding).size();

        InvalidValue refused = assertThrows(InvalidValue.class, () -> exports.importEvent(gerda,
                new EventDocument(1, valid.cursor(), valid.event(), valid.brief(), valid.members(), valid.households(),
                        guests, valid.tasks(), valid.budgetItems(), valid.receipts())));

        assertEquals("guests[1].household_id", refused.field());
        assertEquals(List.of(), world.useCases.planEvents().mine(gerda));
        assertEquals(changes, world.log(wedding).size());
    }

    @Test
    void anImportThatFailsHalfwayLeavesNothingBehind() {
        fill(wedding);
        EventDocument document = exports.export(jane, wedding);
        InMemoryAdapters a = world.adapters;
        FailingBudgetItems failing = new FailingBudgetItems(a.budgetItems, new ArrayList<>());
        UseCases failingCore = new UseCases(new UseCases.OutPorts(a.transactions, a.clock, a.users, a.databaseProbe,
                a.magicLinks, a.bearerTokens, a.mailer, a.events, a.memberships, a.invites, a.changeLog, a.households,
                a.guests, a.tasks, failing, a.receipts, a.blobStore, a.changeBus, a.presenceBoard, a.outbox, a.pushDevices, a.pushWindows, a.notifications,
                a.pushGateway));

        assertThrows(IllegalStateException.class, () -> failingCore.exportEvents().importEvent(gerda, document));

        EventId halfDone = failing.attempted().get(0);
        assertEquals(Optional.empty(), a.events.byId(halfDone));
        assertEquals(List.of(), a.memberships.ofEvent(halfDone));
        assertEquals(List.of(), a.households.ofEvent(halfDone));
        assertEquals(List.of(), a.guests.ofEvent(halfDone));
        assertEquals(List.of(), a.tasks.ofEvent(halfDone, TaskFilter.all()));
        assertEquals(List.of(), world.log(halfDone));
        assertEquals(List.of(), world.useCases.planEvents().mine(gerda));
    }

    @Test
    void anExportOvertakenByWritesOnEveryAttemptIsReadUnderTheEventsLock() {
        InMemoryAdapters a = world.adapters;
        BusyEvents busy = new BusyEvents(a.events);
        UseCases busyCore = new UseCases(new UseCases.OutPorts(a.transactions, a.clock, a.users, a.databaseProbe,
                a.magicLinks, a.bearerTokens, a.mailer, busy, a.memberships, a.invites, a.changeLog, a.households,
                a.guests, a.tasks, a.budgetItems, a.receipts, a.blobStore, a.changeBus, a.presenceBoard, a.outbox, a.pushDevices, a.pushWindows, a.notifications,
                a.pushGateway));

        EventDocument document = busyCore.exportEvents().export(jane, wedding);

        assertEquals(1, busy.locks.get(), "read once more under the lock");
        assertEquals(busy.lastSeen, document.cursor(), "the cursor read under the lock");
        assertEquals(2 * EventExporting.OPTIMISTIC_READS + 1, busy.cursorReads.get());
    }

    @Test
    void anExportNotOvertakenTakesNoLock() {
        InMemoryAdapters a = world.adapters;
        BusyEvents calm = new BusyEvents(a.events);
        calm.busy = false;
        UseCases core = new UseCases(new UseCases.OutPorts(a.transactions, a.clock, a.users, a.databaseProbe,
                a.magicLinks, a.bearerTokens, a.mailer, calm, a.memberships, a.invites, a.changeLog, a.households,
                a.guests, a.tasks, a.budgetItems, a.receipts, a.blobStore, a.changeBus, a.presenceBoard, a.outbox, a.pushDevices, a.pushWindows, a.notifications,
                a.pushGateway));

        core.exportEvents().export(jane, wedding);

        assertEquals(0, calm.locks.get());
        assertEquals(2, calm.cursorReads.get());
    }

    /** Households, guests (one with every field), tasks (done, assigned, dated, undated), budget items and a receipt. */
    private void fill(EventId event) {
        var guestList = world.useCases.manageGuests();
        var checklist = world.useCases.keepChecklist();
        TrackBudget budget = world.useCases.trackBudget();
        world.useCases.planEvents().edit(jane, event, 1, EventEdit.none()
                .withDate(Optional.of(LocalDate.of(2027, 6, 12)))
                .withLocation(Optional.of("Schloss Hof"))
                .withPlannedBudgetCents(OptionalLong.of(2_500_000)));
        Household muellers = guestList.addHousehold(jane, event,
                new HouseholdDetails("Die Müllers", Optional.of("Hauptstraße 1\n1010 Wien"), Optional.of("🎉")));
        Household solo = guestList.addHousehold(jane, event, HouseholdDetails.named("Gerda"));
        guestList.addGuest(jane, event, new GuestDetails(muellers.id(), "Anna Müller", Optional.of(Email.of("anna@example.org")),
                Optional.of("+43 1 234"), Rsvp.YES, Optional.of("Fish"), Optional.of("No nuts"), true,
                Optional.of("Ben"), false, Optional.of("Cousin")));
        guestList.addGuest(jane, event, GuestDetails.named(muellers.id(), "Klein Müller"));
        guestList.addGuest(jane, event, GuestDetails.named(solo.id(), "Gerda"));
        Task done = checklist.addTask(jane, event, TaskDetails.titled("Book the venue"));
        checklist.complete(jane, event, done.id(), done.version(), true);
        checklist.addTask(jane, event, new TaskDetails("Call the florist", Optional.empty(), Optional.empty(),
                Optional.of(jane)));
        checklist.addTask(jane, event, new TaskDetails("Send invitations", Optional.of("Before May"),
                Optional.of(LocalDate.of(2027, 3, 1)), Optional.empty()));
        checklist.addTask(jane, event, TaskDetails.titled("Think about music"));
        TrackBudget.BudgetLine venue = budget.addItem(jane, event, new BudgetItemDetails("Venue", "Schloss Hof",
                Optional.of("Schloss GmbH"), 1_200_000, OptionalLong.of(0), 300_000, Optional.of(LocalDate.of(2027, 1, 1)),
                Optional.empty()));
        budget.addItem(jane, event, BudgetItemDetails.of("Flowers", "Bouquets"));
        budget.attachReceipts(jane, event, venue.item().id(), List.of(new TrackBudget.Upload("deposit.pdf",
                ReceiptType.PDF, new ByteArrayInputStream("%PDF-1.4 deposit".getBytes(StandardCharsets.UTF_8)))));
        world.tick();
    }

    private static TaskEntry task(String title, Optional<UserId> assignee, Optional<Completion> done) {
        return new TaskEntry(TaskId.random(), new TaskDetails(title, Optional.empty(), Optional.empty(), assignee), done);
    }

    /**
     * What a document says apart from ids, members, receipts and cursor: each list as a sorted
     * list of texts, with a guest's household replaced by that household's details.
     */
    private static Map<String, List<String>> content(EventDocument d) {
        Map<HouseholdId, String> households = d.households().stream()
                .collect(Collectors.toMap(HouseholdEntry::id, h -> h.details().toString()));
        HouseholdId anyHousehold = new HouseholdId(new UUID(0, 0));
        return Map.of(
                "brief", List.of(d.brief().toString()),
                "households", sorted(d.households().stream().map(h -> h.details().toString())),
                "guests", sorted(d.guests().stream().map(g -> households.get(g.details().household()) + " / "
                        + withHousehold(g.details(), anyHousehold))),
                "tasks", sorted(d.tasks().stream().map(t -> t.details() + " / " + t.done())),
                "budget_items", sorted(d.budgetItems().stream().map(b -> b.details().toString())));
    }

    private static GuestDetails withHousehold(GuestDetails d, HouseholdId household) {
        return new GuestDetails(household, d.name(), d.email(), d.phone(), d.rsvp(), d.mealChoice(), d.dietaryNotes(),
                d.plusOne(), d.plusOneName(), d.child(), d.notes());
    }

    private static List<String> sorted(Stream<String> texts) {
        return texts.sorted().toList();
    }

    private static <T> Set<String> createdIds(List<T> things, Function<T, String> id) {
        return things.stream().map(id).collect(Collectors.toSet());
    }

    private static Set<String> loggedIds(List<Change> log, EntityType type) {
        List<String> ids = log.stream().filter(c -> c.entityType() == type).map(Change::entityId).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "one change per " + type);
        return new HashSet<>(ids);
    }

    /** Budget items whose store fails on every add, as a broken database would; it notes the event tried. */
    private record FailingBudgetItems(BudgetItems store, List<EventId> attempted) implements BudgetItems {

        @Override
        public void add(BudgetItem item) {
            attempted.add(item.event());
            throw new IllegalStateException("the disk is full");
        }

        @Override
        public Optional<BudgetItem> byId(EventId event, BudgetItemId id) {
            return store.byId(event, id);
        }

        @Override
        public List<BudgetItem> ofEvent(EventId event) {
            return store.ofEvent(event);
        }

        @Override
        public int count(EventId event) {
            return store.count(event);
        }

        @Override
        public void update(BudgetItem item) {
            store.update(item);
        }

        @Override
        public boolean remove(EventId event, BudgetItemId id) {
            return store.remove(event, id);
        }
    }

    /**
     * Events whose change counter, while {@code busy}, has moved on every time it is read, as if
     * another member's write committed between any two reads of an export.
     */
    private static final class BusyEvents implements Events {

        private final Events store;
        final AtomicInteger locks = new AtomicInteger();
        final AtomicInteger cursorReads = new AtomicInteger();
        boolean busy = true;
        long lastSeen;

        BusyEvents(Events store) {
            this.store = store;
        }

        @Override
        public void add(Event event) {
            store.add(event);
        }

        @Override
        public Optional<Event> byId(EventId id) {
            return store.byId(id);
        }

        @Override
        public Optional<Event> lock(EventId id) {
            locks.incrementAndGet();
            busy = false;
            return store.lock(id);
        }

        @Override
        public void update(Event event) {
            store.update(event);
        }

        @Override
        public long nextChangeSeq(EventId id) {
            return store.nextChangeSeq(id);
        }

        @Override
        public Optional<Long> lastChangeSeq(EventId id) {
            int reads = cursorReads.incrementAndGet();
            Optional<Long> seq = store.lastChangeSeq(id).map(s -> busy ? s + reads : s);
            lastSeen = seq.orElseThrow();
            return seq;
        }

        @Override
        public void remove(EventId id) {
            store.remove(id);
        }
    }
}
