package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.event.Action;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Permissions;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.util.function.Supplier;

/**
 * The check in front of every read of an event: only its members see it, and what a
 * non-member hears is that it does not exist. Reads take no lock.
 */
final class EventReads {

    private final Transactions transactions;
    private final Memberships memberships;

    EventReads(Transactions transactions, Memberships memberships) {
        this.transactions = transactions;
        this.memberships = memberships;
    }

    /** Runs {@code read} in one transaction, for a member of the event only. @throws NotFound for anyone else */
    <T> T asMember(UserId reader, EventId event, Supplier<T> read) {
        return transactions.inTransaction(() -> {
            requireMember(reader, event);
            return read.get();
        });
    }

    /** The reader's role. @throws eu.heapzilla.eventa.domain.error.NotFound when they are not a member */
    Role requireMember(UserId reader, EventId event) {
        return require(reader, event, Action.READ);
    }

    /**
     * The member's role, when it allows {@code action}.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when they are not a member
     * @throws eu.heapzilla.eventa.domain.error.Forbidden when their role does not allow it
     */
    Role require(UserId member, EventId event, Action action) {
        return Permissions.require(memberships.of(event, member).map(Membership::role), action);
    }
}
