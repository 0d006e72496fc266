package eu.heapzilla.eventa.ports.service;

import static eu.heapzilla.eventa.ports.service.EventWorld.assertChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.Forbidden;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.FollowChanges;
import eu.heapzilla.eventa.ports.in.ManageMembers;
import eu.heapzilla.eventa.ports.in.ManageMembers.Member;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberManagingTest {

    private final EventWorld world = new EventWorld();
    private final ManageMembers manageMembers = world.useCases.manageMembers();
    private final PlanEvents planEvents = world.useCases.planEvents();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final UserId ed;
    private final UserId vic;

    MemberManagingTest() {
        world.tick();
        ed = world.join(olga, wedding, "Ed", Role.EDITOR);
        vic = world.join(olga, wedding, "Vic", Role.VIEWER);
    }

    private Role roleOf(UserId user) {
        return world.adapters.memberships.of(wedding, user).orElseThrow().role();
    }

    @Test
    void everyMemberSeesWhoPlansTheEventEarliestJoinedFirst() {
        List<Member> members = manageMembers.members(vic, wedding);

        assertEquals(List.of(olga, ed, vic), members.stream().map(m -> m.user().id()).toList());
        assertEquals(List.of(Role.OWNER, Role.EDITOR, Role.VIEWER), members.stream().map(m -> m.membership().role()).toList());
        assertEquals(List.of("Olga", "Ed", "Vic"), members.stream().map(m -> m.user().displayName().value()).toList());
        assertThrows(NotFound.class, () -> manageMembers.members(world.user("Stranger"), wedding));
    }

    @Test
    void anOwnerChangesARoleAndItIsLogged() {
        int before = world.log(wedding).size();

        Member promoted = manageMembers.changeRole(olga, wedding, vic, Role.EDITOR);

        assertEquals(Role.EDITOR, promoted.membership().role());
        assertEquals(2, promoted.membership().version());
        assertEquals(vic, promoted.user().id());
        assertEquals(Role.EDITOR, roleOf(vic));
        assertEquals(before + 1, world.log(wedding).size());
        assertChange(world.lastChange(wedding), before + 1, EntityType.MEMBER, vic.toString(), ChangeOp.UPDATED, 2, olga);
        assertEquals(2, planEvents.edit(vic, wedding, 1, EventEdit.none().withTitle("Vic may write now")).event().version());
    }

    @Test
    void givingSomeoneTheRoleTheyHaveLogsNothing() {
        List<Change> before = world.log(wedding);
        Member same = manageMembers.changeRole(olga, wedding, ed, Role.EDITOR);
        assertEquals(1, same.membership().version());
        assertEquals(before, world.log(wedding));
    }

    @Test
    void anEditorCannotChangeRoles() {
        List<Change> before = world.log(wedding);
        assertThrows(Forbidden.class, () -> manageMembers.changeRole(ed, wedding, vic, Role.EDITOR));
        assertThrows(Forbidden.class, () -> manageMembers.changeRole(ed, wedding, ed, Role.OWNER));
        assertEquals(Role.VIEWER, roleOf(vic));
        assertEquals(Role.EDITOR, roleOf(ed));
        assertEquals(before, world.log(wedding));
    }

    @Test
    void theLastOwnerCannotDemoteThemselves() {
        List<Change> before = world.log(wedding);

        Conflict e = assertThrows(Conflict.class, () -> manageMembers.changeRole(olga, wedding, olga, Role.EDITOR));

        assertEquals("last_owner", e.errorCode());
        assertEquals(Role.OWNER, roleOf(olga));
        assertEquals(before, world.log(wedding));
    }

    @Test
    void withTwoOwnersOneMayDemoteThemselvesButThenTheOtherMayNot() {
        manageMembers.changeRole(olga, wedding, ed, Role.OWNER);

        Member demoted = manageMembers.changeRole(olga, wedding, olga, Role.EDITOR);

        assertEquals(Role.EDITOR, demoted.membership().role());
        assertChange(world.lastChange(wedding), world.log(wedding).size(), EntityType.MEMBER, olga.toString(),
                ChangeOp.UPDATED, 2, olga);
        Conflict e = assertThrows(Conflict.class, () -> manageMembers.changeRole(ed, wedding, ed, Role.VIEWER));
        assertEquals("last_owner", e.errorCode());
        assertThrows(Forbidden.class, () -> manageMembers.changeRole(olga, wedding, olga, Role.OWNER),
                "an editor cannot make themselves owner again");
    }

    @Test
    void changingTheRoleOfSomeoneWhoIsNoMemberIsNotFound() {
        NotFound e = assertThrows(NotFound.class, () -> manageMembers.changeRole(olga, wedding, UserId.random(), Role.EDITOR));
        assertEquals("member not found", e.detail());
    }

    @Test
    void anEditorMayLeave() {
        int before = world.log(wedding).size();

        manageMembers.remove(ed, wedding, ed);

        assertEquals(Optional.empty(), world.adapters.memberships.of(wedding, ed));
        assertChange(world.lastChange(wedding), before + 1, EntityType.MEMBER, ed.toString(), ChangeOp.DELETED, 2, ed);
        assertThrows(NotFound.class, () -> planEvents.view(ed, wedding));
        assertEquals(List.of(), planEvents.mine(ed));
    }

    @Test
    void anOwnerRemovesAViewerWhoseNextReadIsRefused() {
        int before = world.log(wedding).size();

        manageMembers.remove(olga, wedding, vic);

        assertEquals(Optional.empty(), world.adapters.memberships.of(wedding, vic));
        assertChange(world.lastChange(wedding), before + 1, EntityType.MEMBER, vic.toString(), ChangeOp.DELETED, 2, olga);
        assertThrows(NotFound.class, () -> planEvents.view(vic, wedding));
        assertThrows(NotFound.class, () -> manageMembers.members(vic, wedding));
        assertThrows(NotFound.class,
                () -> world.useCases.followChanges().changesSince(vic, wedding, 0, FollowChanges.DEFAULT_LIMIT));
        assertThrows(NotFound.class, () -> manageMembers.remove(vic, wedding, vic), "leaving twice");
        assertEquals(List.of(olga, ed), manageMembers.members(olga, wedding).stream().map(m -> m.user().id()).toList());
    }

    @Test
    void editorsAndViewersCannotRemoveOthers() {
        List<Change> before = world.log(wedding);
        assertThrows(Forbidden.class, () -> manageMembers.remove(ed, wedding, vic));
        assertThrows(Forbidden.class, () -> manageMembers.remove(vic, wedding, ed));
        assertThrows(Forbidden.class, () -> manageMembers.remove(vic, wedding, olga));
        assertEquals(3, manageMembers.members(olga, wedding).size());
        assertEquals(before, world.log(wedding));
    }

    @Test
    void theLastOwnerCannotLeave() {
        Conflict e = assertThrows(Conflict.class, () -> manageMembers.remove(olga, wedding, olga));
        assertEquals("last_owner", e.errorCode());
        assertEquals(Role.OWNER, roleOf(olga));
    }

    @Test
    void anOwnerMayLeaveWhenAnotherOwnerRemains() {
        manageMembers.changeRole(olga, wedding, ed, Role.OWNER);
        manageMembers.remove(olga, wedding, olga);
        assertEquals(List.of(ed, vic), manageMembers.members(ed, wedding).stream().map(m -> m.user().id()).toList());
    }

    @Test
    void removingSomeoneWhoIsNoMemberIsNotFound() {
        List<Change> before = world.log(wedding);
        NotFound e = assertThrows(NotFound.class, () -> manageMembers.remove(olga, wedding, UserId.random()));
        assertEquals("member not found", e.detail());
        assertEquals(before, world.log(wedding));
    }

    @Test
    void aStrangerCannotEvenLearnTheEventExists() {
        UserId stranger = world.user("Stranger");
        NotFound e = assertThrows(NotFound.class, () -> manageMembers.remove(stranger, wedding, vic));
        assertEquals("event not found", e.detail());
        assertThrows(NotFound.class, () -> manageMembers.changeRole(stranger, wedding, vic, Role.OWNER));
    }
}
