package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Action;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Permissions;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskFilter;
import eu.heapzilla.eventa.ports.in.ManageMembers;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Tasks;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.List;

final class MemberManaging implements ManageMembers {

    private final Transactions transactions;
    private final Users users;
    private final Memberships memberships;
    private final Tasks tasks;
    private final EventReads reads;
    private final EventWrites writes;

    MemberManaging(Transactions transactions, Users users, Memberships memberships, Tasks tasks, EventReads reads,
                   EventWrites writes) {
        this.tasks = tasks;
        this.transactions = transactions;
        this.users = users;
        this.memberships = memberships;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public List<Member> members(UserId viewer, EventId event) {
        return transactions.inTransaction(() -> {
            reads.requireMember(viewer, event);
            return memberships.ofEvent(event).stream().map(this::member).toList();
        });
    }

    @Override
    public Member changeRole(UserId owner, EventId event, UserId member, Role role) {
        return writes.write(owner, event, Action.MANAGE_MEMBERS, write -> {
            Membership target = memberships.of(event, member).orElseThrow(() -> new NotFound("member"));
            Permissions.requireMayChangeRole(write.role(), target, role, owners(event));
            if (target.role() == role) {
                return member(target);
            }
            Membership changed = target.withRole(role);
            memberships.update(changed);
            write.changed(EntityType.MEMBER, member.toString(), ChangeOp.UPDATED, changed.version());
            return member(changed);
        });
    }

    @Override
    public void remove(UserId actor, EventId event, UserId member) {
        writes.write(actor, event, Action.READ, write -> {
            Membership target = memberships.of(event, member).orElseThrow(() -> new NotFound("member"));
            Permissions.requireMayRemove(write.membership().orElseThrow(), target, owners(event));
            unassign(write, member);
            memberships.remove(event, member);
            write.changed(EntityType.MEMBER, member.toString(), ChangeOp.DELETED, target.version() + 1);
            return null;
        });
    }

    /** A member who leaves leaves their tasks open for someone else: each is unassigned, as its own change. */
    private void unassign(EventWrites.Write write, UserId member) {
        for (Task task : tasks.ofEvent(write.event().id(), TaskFilter.all().assignedTo(member))) {
            Task unassigned = task.unassigned(write.actor(), write.now());
            tasks.update(unassigned);
            write.changed(EntityType.TASK, task.id().toString(), ChangeOp.UPDATED, unassigned.version());
        }
    }

    private int owners(EventId event) {
        return (int) memberships.ofEvent(event).stream().filter(m -> m.role() == Role.OWNER).count();
    }

    private Member member(Membership membership) {
        User user = users.byId(membership.user()).orElseThrow(() -> new IllegalStateException(
                "membership of unknown user " + membership.user()));
        return new Member(membership, user);
    }
}
