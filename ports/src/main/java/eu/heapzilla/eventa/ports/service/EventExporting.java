package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.budget.BudgetItem;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.edit.Revision;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.domain.export.EventDocument.BudgetItemEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.GuestEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.HouseholdEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.MemberEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.TaskEntry;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Completion;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.domain.task.TaskId;
import eu.heapzilla.eventa.ports.in.ExportEvents;
import eu.heapzilla.eventa.ports.in.PlanEvents.YourEvent;
import eu.heapzilla.eventa.ports.out.BudgetItems;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Guests;
import eu.heapzilla.eventa.ports.out.Households;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Tasks;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Export and import of whole events.
 *
 * <p><b>A consistent export.</b> The document is read in one transaction, but a transaction
 * at PostgreSQL's default isolation (read committed) sees each statement's own snapshot, so a
 * write committed between two reads could mix two states. Every write to an event bumps its
 * change counter in the transaction that makes the write, and the counter never goes down; so
 * when the counter is the same before and after all the reads, no write to the event committed
 * in between, and the reads saw one state, the one the cursor names. When a write slipped in,
 * the reads are repeated ({@value #OPTIMISTIC_READS} times at most); an event edited so busily
 * that every attempt is overtaken is read once more under the event's write lock, which holds
 * its writers back for the length of one read. Readers otherwise take no lock.
 *
 * <p><b>An import</b> is one write through {@link EventWrites#plan(Event, java.util.function.Function)}:
 * the event and the importer's ownership, then the households, guests, tasks and budget items
 * in the document's order, each with a new id and its own {@code created} change, all in one
 * transaction. The document has been checked whole before (every field by its domain type,
 * references and limits by {@link EventDocument}), so the import only renumbers: guests follow
 * their household to its new id; an assignee other than the importer is cleared (nobody else
 * is a member of the new event); who finished a task stays when that user exists here, else it
 * becomes the importer. Receipts are not imported: the document holds their metadata, not
 * their bytes.
 */
final class EventExporting implements ExportEvents {

    /** How often an export is read without a lock before it takes the event's write lock. */
    static final int OPTIMISTIC_READS = 3;

    private final Transactions transactions;
    private final Clock clock;
    private final Users users;
    private final Events events;
    private final Memberships memberships;
    private final Households households;
    private final Guests guests;
    private final Tasks tasks;
    private final BudgetItems budgetItems;
    private final Receipts receipts;
    private final EventReads reads;
    private final EventWrites writes;

    EventExporting(Transactions transactions, Clock clock, Users users, Events events, Memberships memberships,
                   Households households, Guests guests, Tasks tasks, BudgetItems budgetItems, Receipts receipts,
                   EventReads reads, EventWrites writes) {
        this.transactions = transactions;
        this.clock = clock;
        this.users = users;
        this.events = events;
        this.memberships = memberships;
        this.households = households;
        this.guests = guests;
        this.tasks = tasks;
        this.budgetItems = budgetItems;
        this.receipts = receipts;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public EventDocument export(UserId viewer, EventId event) {
        return transactions.inTransaction(() -> {
            reads.requireMember(viewer, event);
            return consistentDocument(event);
        });
    }

    /** The event read as one state (see the class comment); runs inside the caller's transaction. */
    EventDocument consistentDocument(EventId event) {
        for (int attempt = 0; attempt < OPTIMISTIC_READS; attempt++) {
            long before = cursor(event);
            EventDocument document = read(event, before);
            if (cursor(event) == before) {
                return document;
            }
        }
        events.lock(event).orElseThrow(() -> new NotFound("event"));
        return read(event, cursor(event));
    }

    @Override
    public YourEvent importEvent(UserId importer, EventDocument document) {
        Event planned = Event.plan(EventId.random(), document.brief(), importer, clock.now());
        return writes.plan(planned, write -> {
            EventId event = planned.id();
            Instant now = write.now();
            Map<HouseholdId, HouseholdId> newHousehold = new HashMap<>();
            for (HouseholdEntry entry : document.households()) {
                Household added = Household.create(HouseholdId.random(), event, entry.details(), importer, now);
                households.add(added);
                newHousehold.put(entry.id(), added.id());
                write.changed(EntityType.HOUSEHOLD, added.id().toString(), ChangeOp.CREATED, added.version());
            }
            for (GuestEntry entry : document.guests()) {
                Guest added = Guest.create(GuestId.random(), event, inHousehold(entry.details(), newHousehold), importer,
                        now);
                guests.add(added);
                write.changed(EntityType.GUEST, added.id().toString(), ChangeOp.CREATED, added.version());
            }
            for (TaskEntry entry : document.tasks()) {
                Task added = new Task(TaskId.random(), event, assignedOnlyTo(importer, entry.details()),
                        entry.done().map(done -> doneBySomeoneHere(done, importer)), Revision.first(importer, now));
                tasks.add(added);
                write.changed(EntityType.TASK, added.id().toString(), ChangeOp.CREATED, added.version());
            }
            for (BudgetItemEntry entry : document.budgetItems()) {
                BudgetItem added = BudgetItem.create(BudgetItemId.random(), event, entry.details(), importer, now);
                budgetItems.add(added);
                write.changed(EntityType.BUDGET_ITEM, added.id().toString(), ChangeOp.CREATED, added.version());
            }
            return new YourEvent(planned, Role.OWNER);
        });
    }

    private long cursor(EventId event) {
        return events.lastChangeSeq(event).orElseThrow(() -> new NotFound("event"));
    }

    private EventDocument read(EventId id, long cursor) {
        Event event = events.byId(id).orElseThrow(() -> new NotFound("event"));
        List<MemberEntry> members = memberships.ofEvent(id).stream()
                .map(membership -> new MemberEntry(membership.user(), users.byId(membership.user())
                        .orElseThrow(() -> new IllegalStateException("member " + membership.user() + " is no user"))
                        .displayName(), membership.role()))
                .toList();
        return EventDocument.of(event, cursor, members, households.ofEvent(id), guests.ofEvent(id),
                tasks.ofEvent(id, TaskFilter.all()), budgetItems.ofEvent(id), receipts.ofEvent(id));
    }

    /** The guest's details in the new household their old one became. */
    private static GuestDetails inHousehold(GuestDetails d, Map<HouseholdId, HouseholdId> newHousehold) {
        HouseholdId household = newHousehold.get(d.household());
        if (household == null) {
            throw new IllegalStateException("the document names no household " + d.household());
        }
        return new GuestDetails(household, d.name(), d.email(), d.phone(), d.rsvp(), d.mealChoice(), d.dietaryNotes(),
                d.plusOne(), d.plusOneName(), d.child(), d.notes());
    }

    /** The importer is the new event's only member, so nobody else can be its assignee. */
    private static TaskDetails assignedOnlyTo(UserId importer, TaskDetails d) {
        Optional<UserId> assignee = d.assignee().filter(importer::equals);
        return new TaskDetails(d.title(), d.notes(), d.dueOn(), assignee);
    }

    /** Who finished a task must be a user of this server; one from elsewhere becomes the importer. */
    private Completion doneBySomeoneHere(Completion done, UserId importer) {
        return users.byId(done.by()).isPresent() ? done : new Completion(done.at(), importer);
    }
}
