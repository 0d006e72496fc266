package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Action;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Permissions;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.WriteOrigin;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.ChangeLog;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one path every write to an event, or to anything inside it, takes. In one transaction:
 * lock the event row (writers of one event take turns; readers never wait), check the
 * writer's role, run the write, and for each entity it touched bump the event's change
 * counter and append a change; then announce the last seq on the {@link ChangeBus}, which every
 * server instance hears at commit, and leave the notifications and the push fan-out the write
 * makes (see {@link Notifying}). A stale version surfaces as a {@link VersionConflict} naming who made the current one.
 */
final class EventWrites {

    private final Transactions transactions;
    private final Clock clock;
    private final Users users;
    private final Events events;
    private final Memberships memberships;
    private final ChangeLog changeLog;
    private final EventReads reads;
    private final ChangeBus bus;
    private final Notifying notifying;

    EventWrites(Transactions transactions, Clock clock, Users users, Events events, Memberships memberships,
                ChangeLog changeLog, ChangeBus bus, Notifying notifying, EventReads reads) {
        this.bus = bus;
        this.notifying = notifying;
        this.transactions = transactions;
        this.clock = clock;
        this.users = users;
        this.events = events;
        this.memberships = memberships;
        this.changeLog = changeLog;
        this.reads = reads;
    }

    /**
     * Runs {@code work} as {@code actor}, a member whose role allows {@code action}. Someone who
     * is not a member is turned away before the lock, so strangers cannot hold up the event's
     * writers; the role is checked again under the lock, where a concurrent removal is seen.
     */
    <T> T write(UserId actor, EventId event, Action action, Function<Write, T> work) {
        return transactions.inTransaction(() -> {
            reads.require(actor, event, action);
            Write write = open(actor, event);
            Permissions.require(write.membership().map(Membership::role), action);
            return run(write, work);
        });
    }

    /**
     * Runs {@code work} for someone who is joining through an invite: the invite is their
     * permission, so no role is checked. Must be called inside the transaction that checks it.
     */
    <T> T admit(UserId newcomer, EventId event, Function<Write, T> work) {
        return transactions.inTransaction(() -> run(open(newcomer, event), work));
    }

    /** Stores a new event with its creator as owner, and records both. */
    Event plan(Event event) {
        return plan(event, write -> event);
    }

    /**
     * Stores a new event with its creator as owner, records both, then runs {@code more} as the
     * creator (an owner) in the same transaction, so that whatever the event starts with (an
     * import fills it) is created with it or not at all, and recorded after it. Nobody else
     * knows the new event yet, so there is nothing to lock or check.
     */
    <T> T plan(Event event, Function<Write, T> more) {
        return transactions.inTransaction(() -> {
            events.add(event);
            Membership owner = Membership.join(event.id(), event.createdBy(), Role.OWNER, event.createdAt());
            memberships.add(owner);
            Write write = new Write(event, event.createdBy(), Optional.of(owner), event.createdAt());
            write.alone = true;
            write.changed(EntityType.EVENT, event.id().toString(), ChangeOp.CREATED, event.version());
            write.changed(EntityType.MEMBER, owner.user().toString(), ChangeOp.CREATED, owner.version());
            return run(write, more);
        });
    }

    private Write open(UserId actor, EventId event) {
        Event locked = events.lock(event).orElseThrow(() -> new NotFound("event"));
        return new Write(locked, actor, memberships.of(event, actor), clock.now());
    }

    private <T> T run(Write write, Function<Write, T> work) {
        try {
            T result = work.apply(write);
            if (write.lastSeq > 0) {
                bus.announce(new ChangeBus.Changed(write.event.id(), write.lastSeq));
                if (!write.deleted && !write.alone) {
                    notifying.written(write.event.id(), write.lastSeq, write.actor, write.now, write.notices,
                            write.lastType, write.lastEntityId);
                }
            }
            return result;
        } catch (VersionConflict conflict) {
            throw users.byId(conflict.current().updatedBy())
                    .map(changer -> conflict.changedBy(changer.displayName()))
                    .orElse(conflict);
        }
    }

    /** One write in progress: the locked event, who is writing, and the way to record what changed. */
    final class Write {

        private final Event event;
        private final UserId actor;
        private final Optional<Membership> membership;
        private final Instant now;
        private final List<Notice> notices = new ArrayList<>();
        private long lastSeq;
        private EntityType lastType;
        private String lastEntityId;
        private boolean deleted;
        private boolean alone;

        private Write(Event event, UserId actor, Optional<Membership> membership, Instant now) {
            this.event = event;
            this.actor = actor;
            this.membership = membership;
            this.now = now;
        }

        /** The event as locked at the start of this write. */
        Event event() {
            return event;
        }

        UserId actor() {
            return actor;
        }

        /** The writer's membership; empty only for someone being admitted. */
        Optional<Membership> membership() {
            return membership;
        }

        Role role() {
            return membership.orElseThrow(() -> new IllegalStateException("not a member")).role();
        }

        Instant now() {
            return now;
        }

        /** Announces, at commit, that the event is gone: every live subscription to it ends. */
        void eventDeleted() {
            deleted = true;
            bus.announce(new ChangeBus.EventDeleted(event.id()));
        }

        /** Tells people about this write: into their notification lists now, to their devices after commit. */
        void tell(Notice notice) {
            notices.add(notice);
        }

        /** Records that this write left {@code entityId} at {@code version}: the next seq of the event's log. */
        Change changed(EntityType type, String entityId, ChangeOp op, long version) {
            long seq = events.nextChangeSeq(event.id());
            Change change = new Change(event.id(), seq, type, entityId, op, version, actor, now, WriteOrigin.current());
            changeLog.append(change);
            lastSeq = seq;
            lastType = type;
            lastEntityId = entityId;
            return change;
        }
    }
}
