package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.storedEvent;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uniqueEmail;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uuidStartingWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.access.SecretHash;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Invites;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Invites} implementation must do. */
public abstract class InvitesContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract Invites invites();

    private User storedUser() {
        return users().addOrGet(newUser());
    }

    private Event storedEventOfItsOwn() {
        return storedEvent(users(), events());
    }

    private static SecretHash newHash() {
        return Secret.generate(RANDOM).hash();
    }

    private Invite newInvite(Event event, InviteId id, Instant createdAt) {
        return Invite.issue(id, event.id(), newHash(), uniqueEmail(), Role.EDITOR, event.createdBy(), createdAt);
    }

    private Invite storedInvite(Event event, InviteId id, long secondsAfterT0) {
        Invite invite = newInvite(event, id, T0.plusSeconds(secondsAfterT0));
        invites().add(invite);
        return invite;
    }

    @Test
    void storesAPendingInviteAndFindsItByIdAndByHash() {
        Event event = storedEventOfItsOwn();
        Invite invite = Invite.issue(InviteId.random(), event.id(), newHash(), uniqueEmail(), Role.VIEWER, event.createdBy(),
                T0);

        invites().add(invite);

        assertEquals(Optional.of(invite), invites().byId(invite.id()));
        assertEquals(Optional.of(invite), invites().byHash(invite.hash()));
    }

    @Test
    void storesAcceptedAndRevokedInvitesOfEveryRole() {
        Event event = storedEventOfItsOwn();
        User invitee = storedUser();
        for (Role role : Role.values()) {
            Invite pending = Invite.issue(InviteId.random(), event.id(), newHash(), uniqueEmail(), role, event.createdBy(), T0);
            Invite accepted = Invite.issue(InviteId.random(), event.id(), newHash(), uniqueEmail(), role, event.createdBy(), T0)
                    .accept(invitee.id(), T0.plusSeconds(60));
            Invite revoked = Invite.issue(InviteId.random(), event.id(), newHash(), uniqueEmail(), role, event.createdBy(), T0)
                    .revoke(T0.plusSeconds(120));
            for (Invite invite : List.of(pending, accepted, revoked)) {
                invites().add(invite);
                assertEquals(Optional.of(invite), invites().byId(invite.id()));
            }
        }
    }

    @Test
    void findsNothingForAnUnknownIdHashOrEvent() {
        storedInvite(storedEventOfItsOwn(), InviteId.random(), 0);
        assertTrue(invites().byId(InviteId.random()).isEmpty());
        assertTrue(invites().byHash(newHash()).isEmpty());
        assertEquals(List.of(), invites().ofEvent(EventId.random()));
        assertEquals(List.of(), invites().ofEvent(storedEventOfItsOwn().id()));
    }

    @Test
    void refusesASecondInviteWithTheSameId() {
        Event event = storedEventOfItsOwn();
        Invite first = storedInvite(event, InviteId.random(), 0);
        Invite sameId = newInvite(event, first.id(), T0.plusSeconds(1));

        assertThrows(IllegalStateException.class, () -> invites().add(sameId));

        assertEquals(Optional.of(first), invites().byId(first.id()));
        assertTrue(invites().byHash(sameId.hash()).isEmpty());
    }

    @Test
    void refusesASecondInviteWithTheSameHash() {
        Event event = storedEventOfItsOwn();
        Invite first = storedInvite(event, InviteId.random(), 0);
        Invite sameHash = Invite.issue(InviteId.random(), storedEventOfItsOwn().id(), first.hash(), uniqueEmail(), Role.VIEWER,
                event.createdBy(), T0);

        assertThrows(IllegalStateException.class, () -> invites().add(sameHash));

        assertEquals(Optional.of(first), invites().byHash(first.hash()));
        assertTrue(invites().byId(sameHash.id()).isEmpty());
    }

    @Test
    void listsEveryInviteOfAnEventOldestFirstThenById() {
        Event event = storedEventOfItsOwn();
        Invite newest = storedInvite(event, InviteId.random(), 300);
        Invite tiedHigh = storedInvite(event, new InviteId(uuidStartingWith('f')), 100);
        Invite oldest = storedInvite(event, InviteId.random(), 0);
        Invite tiedLow = storedInvite(event, new InviteId(uuidStartingWith('1')), 100);
        storedInvite(storedEventOfItsOwn(), InviteId.random(), 50);
        Invite accepted = tiedHigh.accept(storedUser().id(), T0.plusSeconds(200));
        Invite revoked = oldest.revoke(T0.plusSeconds(200));
        invites().update(accepted);
        invites().update(revoked);

        assertEquals(List.of(revoked, tiedLow, accepted, newest), invites().ofEvent(event.id()));
    }

    @Test
    void updatesAcceptanceRevocationAndVersionButNothingElse() {
        Event event = storedEventOfItsOwn();
        Invite invite = storedInvite(event, InviteId.random(), 0);
        User acceptor = storedUser();
        Instant acceptedAt = T0.plusSeconds(30);
        Instant revokedAt = T0.plusSeconds(40);
        Invite changed = new Invite(invite.id(), storedEventOfItsOwn().id(), newHash(), uniqueEmail(), Role.OWNER,
                acceptor.id(), T0.plusSeconds(5), T0.plus(Duration.ofDays(1)), Optional.of(acceptedAt), Optional.of(acceptor.id()),
                Optional.of(revokedAt), 7);

        invites().update(changed);

        Invite expected = new Invite(invite.id(), invite.event(), invite.hash(), invite.email(), invite.role(),
                invite.invitedBy(), invite.createdAt(), invite.expiresAt(), Optional.of(acceptedAt), Optional.of(acceptor.id()),
                Optional.of(revokedAt), 7);
        assertEquals(Optional.of(expected), invites().byId(invite.id()));
        assertEquals(Optional.of(expected), invites().byHash(invite.hash()));
        assertTrue(invites().byHash(changed.hash()).isEmpty());
    }

    @Test
    void cannotUpdateAnUnknownInvite() {
        Invite unknown = newInvite(storedEventOfItsOwn(), InviteId.random(), T0);
        assertThrows(NotFound.class, () -> invites().update(unknown.revoke(T0.plusSeconds(1))));
        assertTrue(invites().byId(unknown.id()).isEmpty());
    }

    @Test
    void removingAnEventRemovesItsInvitesOnly() {
        Event removed = storedEventOfItsOwn();
        Event kept = storedEventOfItsOwn();
        Invite gone = storedInvite(removed, InviteId.random(), 0);
        Invite stays = storedInvite(kept, InviteId.random(), 0);

        events().remove(removed.id());

        assertTrue(invites().byId(gone.id()).isEmpty());
        assertTrue(invites().byHash(gone.hash()).isEmpty());
        assertEquals(List.of(), invites().ofEvent(removed.id()));
        assertEquals(List.of(stays), invites().ofEvent(kept.id()));
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event event = storedEventOfItsOwn();
        Invite kept = storedInvite(event, InviteId.random(), 0);
        Invite added = newInvite(event, InviteId.random(), T0.plusSeconds(1));

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            invites().add(added);
            invites().update(kept.revoke(T0.plusSeconds(2)));
            throw new IllegalStateException("the work fails");
        }));

        assertTrue(invites().byId(added.id()).isEmpty());
        assertEquals(List.of(kept), invites().ofEvent(event.id()));
    }
}
