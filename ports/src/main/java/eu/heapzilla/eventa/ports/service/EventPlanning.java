package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Action;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import eu.heapzilla.eventa.ports.out.BlobStore;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Receipts;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.util.List;

final class EventPlanning implements PlanEvents {

    private final Transactions transactions;
    private final Clock clock;
    private final Events events;
    private final Memberships memberships;
    private final EventReads reads;
    private final EventWrites writes;
    private final Receipts receipts;
    private final BlobStore blobStore;

    EventPlanning(Transactions transactions, Clock clock, Events events, Memberships memberships, EventReads reads,
                  EventWrites writes, Receipts receipts, BlobStore blobStore) {
        this.receipts = receipts;
        this.blobStore = blobStore;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
        this.memberships = memberships;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public YourEvent plan(UserId creator, EventBrief brief) {
        return new YourEvent(writes.plan(Event.plan(EventId.random(), brief, creator, clock.now())), Role.OWNER);
    }

    @Override
    public List<YourEvent> mine(UserId user) {
        return transactions.inTransaction(() -> memberships.ofUser(user).stream()
                .flatMap(membership -> events.byId(membership.event())
                        .map(event -> new YourEvent(event, membership.role())).stream())
                .toList());
    }

    @Override
    public YourEvent view(UserId user, EventId id) {
        return transactions.inTransaction(() -> {
            Role role = reads.requireMember(user, id);
            return new YourEvent(events.byId(id).orElseThrow(() -> new NotFound("event")), role);
        });
    }

    @Override
    public YourEvent edit(UserId editor, EventId id, long basedOn, EventEdit edit) {
        return writes.write(editor, id, Action.WRITE, write -> {
            Event before = write.event();
            Event after = before.edited(basedOn, edit, editor, write.now());
            if (after != before) {
                events.update(after);
                write.changed(EntityType.EVENT, id.toString(), ChangeOp.UPDATED, after.version());
            }
            return new YourEvent(after, write.role());
        });
    }

    @Override
    public void delete(UserId owner, EventId id) {
        writes.write(owner, id, Action.DELETE_EVENT, write -> {
            receipts.ofEvent(id).forEach(receipt -> blobStore.delete(BudgetTracking.blobOf(receipt.id())));
            events.remove(id);
            write.eventDeleted();
            return null;
        });
    }
}
