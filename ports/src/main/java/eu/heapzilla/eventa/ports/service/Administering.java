package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.ports.in.Administer;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.MagicLinks;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The operator's verbs, built from the same write path as the app's: an owner added from the
 * command line is recorded in the event's change log like one who accepted an invite, and an
 * invite created there is the app's invite without its mail.
 */
final class Administering implements Administer {

    /** Who asked for a sign-in link, as stored with it: the operator's shell, not a network address. */
    static final ClientAddress OPERATOR = new ClientAddress("command line");

    private final Transactions transactions;
    private final Clock clock;
    private final Users users;
    private final Events events;
    private final Memberships memberships;
    private final MagicLinks magicLinks;
    private final SecureRandom random;
    private final EventWrites writes;
    private final Inviting inviting;
    private final EventExporting exporting;

    Administering(Transactions transactions, Clock clock, Users users, Events events, Memberships memberships,
                  MagicLinks magicLinks, SecureRandom random, EventWrites writes, Inviting inviting,
                  EventExporting exporting) {
        this.transactions = transactions;
        this.clock = clock;
        this.users = users;
        this.events = events;
        this.memberships = memberships;
        this.magicLinks = magicLinks;
        this.random = random;
        this.writes = writes;
        this.inviting = inviting;
        this.exporting = exporting;
    }

    @Override
    public Link signInLink(Email email) {
        Secret token = Secret.generate(random);
        MagicLink link = MagicLink.issue(token.hash(), email, OPERATOR, clock.now());
        transactions.run(() -> magicLinks.add(link));
        return new Link(token, link.expiresAt());
    }

    @Override
    public User addOwner(EventId event, Email email) {
        return transactions.inTransaction(() -> {
            requireEvent(event);
            Instant now = clock.now();
            User user = users.addOrGet(User.register(UserId.random(), email, now));
            writes.admit(user.id(), event, write -> {
                Membership current = write.membership().orElse(null);
                if (current == null) {
                    Membership joined = Membership.join(event, user.id(), Role.OWNER, write.now());
                    memberships.add(joined);
                    write.changed(EntityType.MEMBER, user.id().toString(), ChangeOp.CREATED, joined.version());
                    write.tell(Notice.everyoneElse(NotificationKind.MEMBER_JOINED, EntityType.MEMBER,
                            user.id().toString(), user.displayName().value(), ""));
                } else if (current.role() != Role.OWNER) {
                    Membership promoted = current.withRole(Role.OWNER);
                    memberships.update(promoted);
                    write.changed(EntityType.MEMBER, user.id().toString(), ChangeOp.UPDATED, promoted.version());
                }
                return null;
            });
            return user;
        });
    }

    @Override
    public Link createInvite(EventId event, Email email, Role role) {
        UserId owner = transactions.inTransaction(() -> {
            requireEvent(event);
            return memberships.ofEvent(event).stream()
                    .filter(membership -> membership.role() == Role.OWNER)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("event " + event + " has no owner"))
                    .user();
        });
        Secret token = Secret.generate(random);
        Invite invite = inviting.issue(owner, event, email, role, token, Inviting.Delivery.HANDED_OVER);
        return new Link(token, invite.expiresAt());
    }

    @Override
    public EventDocument exportEvent(EventId event) {
        return transactions.inTransaction(() -> exporting.consistentDocument(event));
    }

    private void requireEvent(EventId event) {
        if (events.byId(event).isEmpty()) {
            throw new NotFound("event");
        }
    }
}
