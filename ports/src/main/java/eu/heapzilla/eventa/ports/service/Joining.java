package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import eu.heapzilla.eventa.ports.in.SignIn;
import eu.heapzilla.eventa.ports.out.BearerTokens;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Invites;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

final class Joining implements JoinEvent {

    private final Transactions transactions;
    private final Clock clock;
    private final Users users;
    private final Events events;
    private final Memberships memberships;
    private final Invites invites;
    private final BearerTokens bearerTokens;
    private final SecureRandom random;
    private final EventWrites writes;

    Joining(Transactions transactions, Clock clock, Users users, Events events, Memberships memberships,
            Invites invites, BearerTokens bearerTokens, SecureRandom random, EventWrites writes) {
        this.transactions = transactions;
        this.clock = clock;
        this.users = users;
        this.events = events;
        this.memberships = memberships;
        this.invites = invites;
        this.bearerTokens = bearerTokens;
        this.random = random;
        this.writes = writes;
    }

    @Override
    public Invitation preview(Secret token) {
        return transactions.inTransaction(() -> {
            Invite invite = inviteOf(token).requireUsable(clock.now());
            Event event = events.byId(invite.event()).orElseThrow(() -> new NotFound("invite"));
            User inviter = users.byId(invite.invitedBy()).orElseThrow();
            return new Invitation(event.id(), event.brief().title(), inviter.displayName(), invite.email(), invite.role(),
                    invite.expiresAt());
        });
    }

    @Override
    public Joined accept(Secret token, Optional<DeviceLabel> device) {
        return transactions.inTransaction(() -> {
            Instant now = clock.now();
            Invite found = inviteOf(token).requireUsable(now);
            User user = users.addOrGet(User.register(UserId.random(), found.email(), now)).seenAt(now);
            users.update(user);
            return writes.admit(user.id(), found.event(), write -> {
                Invite accepted = invites.byId(found.id()).orElseThrow(() -> new NotFound("invite"))
                        .accept(user.id(), write.now());
                invites.update(accepted);
                write.changed(EntityType.INVITE, accepted.id().toString(), ChangeOp.UPDATED, accepted.version());
                Membership membership = write.membership().orElseGet(() -> {
                    Membership joined = Membership.join(accepted.event(), user.id(), accepted.role(), write.now());
                    memberships.add(joined);
                    write.changed(EntityType.MEMBER, user.id().toString(), ChangeOp.CREATED, joined.version());
                    write.tell(Notice.everyoneElse(NotificationKind.MEMBER_JOINED, EntityType.MEMBER,
                            user.id().toString(), user.displayName().value(), ""));
                    return joined;
                });
                Secret bearer = Secret.generate(random);
                bearerTokens.add(BearerToken.issue(bearer.hash(), user.id(), device, write.now()));
                return new Joined(new SignIn.SignedIn(bearer, user), accepted.event(), write.event().brief().title(),
                        membership.role());
            });
        });
    }

    private Invite inviteOf(Secret token) {
        return invites.byHash(token.hash())
                .filter(stored -> stored.hash().matches(token))
                .orElseThrow(() -> new NotFound("invite"));
    }
}
