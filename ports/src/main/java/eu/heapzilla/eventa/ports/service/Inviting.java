package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Action;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.domain.event.InviteStatus;
import eu.heapzilla.eventa.domain.event.Permissions;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.ports.in.InviteMembers;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Invites;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Outbox;
import eu.heapzilla.eventa.ports.out.OutboxItem;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class Inviting implements InviteMembers {

    private final Transactions transactions;
    private final Clock clock;
    private final Users users;
    private final Memberships memberships;
    private final Invites invites;
    private final Outbox outbox;
    private final SecureRandom random;
    private final EventReads reads;
    private final EventWrites writes;

    Inviting(Transactions transactions, Clock clock, Users users, Memberships memberships, Invites invites,
             Outbox outbox, SecureRandom random, EventReads reads, EventWrites writes) {
        this.transactions = transactions;
        this.clock = clock;
        this.users = users;
        this.memberships = memberships;
        this.invites = invites;
        this.outbox = outbox;
        this.random = random;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public InviteState invite(UserId inviter, EventId event, Email email, Role role) {
        Invite sent = issue(inviter, event, email, role, Secret.generate(random), Delivery.MAIL);
        return new InviteState(sent, InviteStatus.PENDING);
    }

    /** How an invite's token reaches its recipient: by mail, or through whoever asked for it. */
    enum Delivery { MAIL, HANDED_OVER }

    /** Stores an invite with {@code token}, replacing a pending one to the same address, and mails it if asked to. */
    Invite issue(UserId inviter, EventId event, Email email, Role role, Secret token, Delivery delivery) {
        return writes.write(inviter, event, Action.INVITE, write -> {
            Permissions.requireMayInvite(write.role(), role);
            Optional<User> known = users.byEmail(email);
            if (known.flatMap(user -> memberships.of(event, user.id())).isPresent()) {
                throw new Conflict("already_member", email + " is already a member of this event");
            }
            for (Invite earlier : invites.ofEvent(event)) {
                if (earlier.email().equals(email) && earlier.status(write.now()) == InviteStatus.PENDING) {
                    Invite replaced = earlier.revoke(write.now());
                    invites.update(replaced);
                    write.changed(EntityType.INVITE, replaced.id().toString(), ChangeOp.UPDATED, replaced.version());
                }
            }
            Invite invite = Invite.issue(InviteId.random(), event, token.hash(), email, role, inviter, write.now());
            invites.add(invite);
            write.changed(EntityType.INVITE, invite.id().toString(), ChangeOp.CREATED, invite.version());
            DisplayName inviterName = users.byId(inviter).orElseThrow().displayName();
            String eventTitle = write.event().brief().title();
            if (delivery == Delivery.MAIL) {
                outbox.add(new OutboxItem.SendMail(new Mail.Invitation(email, token, inviterName, eventTitle, role,
                        invite.expiresAt())), write.now());
            }
            known.ifPresent(invitee -> write.tell(Notice.to(invitee.id(), NotificationKind.INVITED, EntityType.INVITE,
                    invite.id().toString(), eventTitle)));
            return invite;
        });
    }

    @Override
    public List<InviteState> invites(UserId viewer, EventId event) {
        return transactions.inTransaction(() -> {
            reads.requireMember(viewer, event);
            Instant now = clock.now();
            return invites.ofEvent(event).stream()
                    .map(invite -> new InviteState(invite, invite.status(now)))
                    .filter(state -> state.status() == InviteStatus.PENDING || state.status() == InviteStatus.EXPIRED)
                    .toList();
        });
    }

    @Override
    public void revoke(UserId actor, EventId event, InviteId id) {
        writes.write(actor, event, Action.INVITE, write -> {
            Invite invite = invites.byId(id).filter(found -> found.event().equals(event))
                    .orElseThrow(() -> new NotFound("invite"));
            Invite revoked = invite.revoke(write.now());
            if (revoked != invite) {
                invites.update(revoked);
                write.changed(EntityType.INVITE, id.toString(), ChangeOp.UPDATED, revoked.version());
            }
            return null;
        });
    }
}
