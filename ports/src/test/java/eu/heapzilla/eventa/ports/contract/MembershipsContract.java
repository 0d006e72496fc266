package eu.heapzilla.eventa.ports.contract;

import static eu.heapzilla.eventa.ports.contract.Fixtures.T0;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newEvent;
import static eu.heapzilla.eventa.ports.contract.Fixtures.newUser;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uniqueEmail;
import static eu.heapzilla.eventa.ports.contract.Fixtures.uuidStartingWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.out.Events;
import eu.heapzilla.eventa.ports.out.Memberships;
import eu.heapzilla.eventa.ports.out.Transactions;
import eu.heapzilla.eventa.ports.out.Users;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Memberships} implementation must do. */
public abstract class MembershipsContract {

    protected abstract Transactions transactions();

    protected abstract Users users();

    protected abstract Events events();

    protected abstract Memberships memberships();

    private User storedUser() {
        return users().addOrGet(newUser());
    }

    private User storedUser(UUID id) {
        return users().addOrGet(User.register(new UserId(id), uniqueEmail(), T0));
    }

    private Event storedEvent() {
        return storedEvent(EventId.random());
    }

    private Event storedEvent(EventId id) {
        Event event = newEvent(id, storedUser());
        events().add(event);
        return event;
    }

    private Membership stored(Event event, User user, Role role, long secondsAfterT0) {
        Membership membership = Membership.join(event.id(), user.id(), role, T0.plusSeconds(secondsAfterT0));
        memberships().add(membership);
        return membership;
    }

    @Test
    void storesAMembershipOfEveryRoleAndFindsIt() {
        Event event = storedEvent();
        for (Role role : Role.values()) {
            Membership membership = new Membership(event.id(), storedUser().id(), role, T0.plusSeconds(5), 4);
            memberships().add(membership);
            assertEquals(Optional.of(membership), memberships().of(event.id(), membership.user()));
        }
    }

    @Test
    void findsNothingForUnknownEventsAndUsers() {
        Event event = storedEvent();
        User member = storedUser();
        stored(event, member, Role.OWNER, 0);

        assertTrue(memberships().of(EventId.random(), member.id()).isEmpty());
        assertTrue(memberships().of(event.id(), UserId.random()).isEmpty());
        assertTrue(memberships().of(event.id(), storedUser().id()).isEmpty());
        assertEquals(List.of(), memberships().ofEvent(EventId.random()));
        assertEquals(List.of(), memberships().ofUser(UserId.random()));
    }

    @Test
    void refusesASecondMembershipOfOneUserInOneEvent() {
        Event event = storedEvent();
        User member = storedUser();
        Membership first = stored(event, member, Role.EDITOR, 0);

        assertThrows(IllegalStateException.class,
                () -> memberships().add(Membership.join(event.id(), member.id(), Role.VIEWER, T0.plusSeconds(9))));

        assertEquals(Optional.of(first), memberships().of(event.id(), member.id()));
    }

    @Test
    void aRefusedDuplicateLeavesTheTransactionUsable() {
        Event event = storedEvent();
        User member = storedUser();
        User other = storedUser();
        stored(event, member, Role.EDITOR, 0);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class,
                    () -> memberships().add(Membership.join(event.id(), member.id(), Role.VIEWER, T0)));
            memberships().add(Membership.join(event.id(), other.id(), Role.VIEWER, T0));
        });

        assertEquals(Role.VIEWER, memberships().of(event.id(), other.id()).orElseThrow().role());
    }

    @Test
    void listsAnEventsMembersEarliestJoinedFirstThenByUserId() {
        Event event = storedEvent();
        User late = storedUser();
        User early = storedUser();
        User tiedHigh = storedUser(uuidStartingWith('f'));
        User tiedLow = storedUser(uuidStartingWith('1'));
        Membership lateMember = stored(event, late, Role.VIEWER, 10);
        Membership tiedHighMember = stored(event, tiedHigh, Role.EDITOR, 5);
        Membership earlyMember = stored(event, early, Role.OWNER, 0);
        Membership tiedLowMember = stored(event, tiedLow, Role.EDITOR, 5);
        stored(storedEvent(), late, Role.OWNER, 1);

        assertEquals(List.of(earlyMember, tiedLowMember, tiedHighMember, lateMember), memberships().ofEvent(event.id()));
    }

    @Test
    void listsAUsersMembershipsEarliestJoinedFirstThenByEventId() {
        User user = storedUser();
        Membership late = stored(storedEvent(), user, Role.VIEWER, 10);
        Membership tiedHigh = stored(storedEvent(new EventId(uuidStartingWith('f'))), user, Role.EDITOR, 5);
        Membership early = stored(storedEvent(), user, Role.OWNER, 0);
        Membership tiedLow = stored(storedEvent(new EventId(uuidStartingWith('1'))), user, Role.OWNER, 5);
        stored(storedEvent(), storedUser(), Role.OWNER, 1);

        assertEquals(List.of(early, tiedLow, tiedHigh, late), memberships().ofUser(user.id()));
    }

    @Test
    void updatesRoleAndVersionButNothingElse() {
        Event event = storedEvent();
        User member = storedUser();
        Membership membership = stored(event, member, Role.EDITOR, 0);

        memberships().update(new Membership(event.id(), member.id(), Role.OWNER, T0.plusSeconds(999), 2));

        assertEquals(Optional.of(new Membership(event.id(), member.id(), Role.OWNER, membership.joinedAt(), 2)),
                memberships().of(event.id(), member.id()));
    }

    @Test
    void cannotUpdateAMembershipThatDoesNotExist() {
        Event event = storedEvent();
        User stranger = storedUser();
        assertThrows(NotFound.class,
                () -> memberships().update(Membership.join(event.id(), stranger.id(), Role.OWNER, T0).withRole(Role.VIEWER)));
        assertTrue(memberships().of(event.id(), stranger.id()).isEmpty());
    }

    @Test
    void removesAMembershipAndSaysWhetherThereWasOne() {
        Event event = storedEvent();
        User leaving = storedUser();
        User staying = storedUser();
        stored(event, leaving, Role.EDITOR, 0);
        Membership stays = stored(event, staying, Role.OWNER, 1);

        assertTrue(memberships().remove(event.id(), leaving.id()));
        assertFalse(memberships().remove(event.id(), leaving.id()));
        assertFalse(memberships().remove(EventId.random(), staying.id()));

        assertTrue(memberships().of(event.id(), leaving.id()).isEmpty());
        assertEquals(List.of(stays), memberships().ofEvent(event.id()));
    }

    @Test
    void removingAnEventRemovesItsMembershipsOnly() {
        User user = storedUser();
        Event removed = storedEvent();
        Event kept = storedEvent();
        stored(removed, user, Role.OWNER, 0);
        stored(removed, storedUser(), Role.VIEWER, 1);
        Membership keptMembership = stored(kept, user, Role.EDITOR, 2);

        events().remove(removed.id());

        assertEquals(List.of(), memberships().ofEvent(removed.id()));
        assertTrue(memberships().of(removed.id(), user.id()).isEmpty());
        assertEquals(List.of(keptMembership), memberships().ofUser(user.id()));
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        Event event = storedEvent();
        User kept = storedUser();
        User added = storedUser();
        User removed = storedUser();
        Membership keptMembership = stored(event, kept, Role.OWNER, 0);
        Membership removedMembership = stored(event, removed, Role.VIEWER, 1);

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            memberships().add(Membership.join(event.id(), added.id(), Role.EDITOR, T0));
            memberships().update(keptMembership.withRole(Role.VIEWER));
            memberships().remove(event.id(), removed.id());
            throw new IllegalStateException("the work fails");
        }));

        assertEquals(List.of(keptMembership, removedMembership), memberships().ofEvent(event.id()));
    }
}
