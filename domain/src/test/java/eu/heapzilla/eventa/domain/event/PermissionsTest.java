package eu.heapzilla.eventa.domain.event;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.Forbidden;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final EventId EVENT = EventId.random();

    /** The whole table, written out once: what each role may do. */
    private static final Map<Role, Set<Action>> ALLOWED = new EnumMap<>(Map.of(
            Role.OWNER, EnumSet.allOf(Action.class),
            Role.EDITOR, EnumSet.of(Action.READ, Action.WRITE, Action.INVITE),
            Role.VIEWER, EnumSet.of(Action.READ)));

    private static Membership member(Role role) {
        return Membership.join(EVENT, UserId.random(), role, T0);
    }

    @Test
    void everyRoleAndActionIsAllowedExactlyAsTheTableSays() {
        for (Role role : Role.values()) {
            for (Action action : Action.values()) {
                boolean expected = ALLOWED.get(role).contains(action);
                assertEquals(expected, Permissions.allows(role, action), role + " " + action);
                if (expected) {
                    assertEquals(role, Permissions.require(Optional.of(role), action), role + " " + action);
                } else {
                    Forbidden e = assertThrows(Forbidden.class, () -> Permissions.require(Optional.of(role), action),
                            role + " " + action);
                    assertEquals("forbidden", e.errorCode());
                }
            }
        }
    }

    @Test
    void aNonMemberIsToldTheEventDoesNotExistWhateverTheyTry() {
        for (Action action : Action.values()) {
            NotFound e = assertThrows(NotFound.class, () -> Permissions.require(Optional.empty(), action), action.name());
            assertEquals("not_found", e.errorCode());
            assertEquals("event not found", e.detail());
        }
    }

    @Test
    void aRefusalSaysWhichRoleAndWhatWasRefused() {
        Forbidden e = assertThrows(Forbidden.class, () -> Permissions.require(Optional.of(Role.VIEWER), Action.WRITE));
        assertEquals("as a viewer you cannot change this event", e.detail());
        Forbidden f = assertThrows(Forbidden.class,
                () -> Permissions.require(Optional.of(Role.EDITOR), Action.DELETE_EVENT));
        assertEquals("as an editor you cannot delete this event", f.detail());
    }

    @Test
    void anOwnerMayInviteEveryRole() {
        for (Role invited : Role.values()) {
            assertDoesNotThrow(() -> Permissions.requireMayInvite(Role.OWNER, invited), invited.name());
        }
    }

    @Test
    void anEditorInvitesEditorsAndViewersButNoOwner() {
        assertDoesNotThrow(() -> Permissions.requireMayInvite(Role.EDITOR, Role.EDITOR));
        assertDoesNotThrow(() -> Permissions.requireMayInvite(Role.EDITOR, Role.VIEWER));
        Forbidden e = assertThrows(Forbidden.class, () -> Permissions.requireMayInvite(Role.EDITOR, Role.OWNER));
        assertEquals("only an owner can invite another owner", e.detail());
    }

    @Test
    void aViewerInvitesNobody() {
        for (Role invited : Role.values()) {
            Forbidden e = assertThrows(Forbidden.class, () -> Permissions.requireMayInvite(Role.VIEWER, invited),
                    invited.name());
            assertEquals("as a viewer you cannot invite people to this event", e.detail());
        }
    }

    @Test
    void anOwnerChangesAnyRoleWhileAnotherOwnerRemains() {
        for (Role from : Role.values()) {
            for (Role to : Role.values()) {
                assertDoesNotThrow(() -> Permissions.requireMayChangeRole(Role.OWNER, member(from), to, 2), from + "->" + to);
            }
        }
    }

    @Test
    void editorsAndViewersChangeNoRoles() {
        for (Role actor : new Role[] {Role.EDITOR, Role.VIEWER}) {
            for (Role to : Role.values()) {
                assertThrows(Forbidden.class, () -> Permissions.requireMayChangeRole(actor, member(Role.VIEWER), to, 1),
                        actor + " makes someone " + to);
            }
        }
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        Membership onlyOwner = member(Role.OWNER);
        for (Role to : new Role[] {Role.EDITOR, Role.VIEWER}) {
            Conflict e = assertThrows(Conflict.class,
                    () -> Permissions.requireMayChangeRole(Role.OWNER, onlyOwner, to, 1), to.name());
            assertEquals("last_owner", e.errorCode());
        }
        assertDoesNotThrow(() -> Permissions.requireMayChangeRole(Role.OWNER, onlyOwner, Role.OWNER, 1),
                "keeping the last owner an owner is no loss");
    }

    @Test
    void withTwoOwnersEitherMayBeDemoted() {
        assertDoesNotThrow(() -> Permissions.requireMayChangeRole(Role.OWNER, member(Role.OWNER), Role.VIEWER, 2));
        assertDoesNotThrow(() -> Permissions.requireMayChangeRole(Role.OWNER, member(Role.OWNER), Role.EDITOR, 2));
    }

    @Test
    void promotingAMemberDoesNotCareHowManyOwnersThereAre() {
        assertDoesNotThrow(() -> Permissions.requireMayChangeRole(Role.OWNER, member(Role.EDITOR), Role.OWNER, 1));
        assertDoesNotThrow(() -> Permissions.requireMayChangeRole(Role.OWNER, member(Role.VIEWER), Role.EDITOR, 1));
    }

    @Test
    void anOwnerRemovesEditorsViewersAndOtherOwnersButNotTheLastOne() {
        Membership owner = member(Role.OWNER);
        assertDoesNotThrow(() -> Permissions.requireMayRemove(owner, member(Role.VIEWER), 1));
        assertDoesNotThrow(() -> Permissions.requireMayRemove(owner, member(Role.EDITOR), 1));
        assertDoesNotThrow(() -> Permissions.requireMayRemove(owner, member(Role.OWNER), 2));
    }

    @Test
    void editorsAndViewersRemoveNobodyElse() {
        for (Role actor : new Role[] {Role.EDITOR, Role.VIEWER}) {
            for (Role target : Role.values()) {
                Forbidden e = assertThrows(Forbidden.class,
                        () -> Permissions.requireMayRemove(member(actor), member(target), 2), actor + " removes " + target);
                assertEquals("forbidden", e.errorCode());
            }
        }
    }

    @Test
    void viewersAndEditorsMayLeave() {
        Membership viewer = member(Role.VIEWER);
        Membership editor = member(Role.EDITOR);
        assertDoesNotThrow(() -> Permissions.requireMayRemove(viewer, viewer, 1));
        assertDoesNotThrow(() -> Permissions.requireMayRemove(editor, editor, 1));
    }

    @Test
    void anOwnerMayLeaveOnlyWhileAnotherOwnerRemains() {
        Membership owner = member(Role.OWNER);
        assertDoesNotThrow(() -> Permissions.requireMayRemove(owner, owner, 2));
        Conflict e = assertThrows(Conflict.class, () -> Permissions.requireMayRemove(owner, owner, 1));
        assertEquals("last_owner", e.errorCode());
    }

    @Test
    void leavingIsRecognisedByUserNotByRoleOrObject() {
        UserId same = UserId.random();
        Membership asActor = new Membership(EVENT, same, Role.VIEWER, T0, 1);
        Membership asTarget = new Membership(EVENT, same, Role.VIEWER, T0.plusSeconds(1), 2);
        assertDoesNotThrow(() -> Permissions.requireMayRemove(asActor, asTarget, 1));
    }
}
