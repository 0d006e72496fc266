package eu.heapzilla.eventa.ports.service;

import static eu.heapzilla.eventa.ports.service.EventWorld.assertChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.error.Forbidden;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.PlanEvents;
import eu.heapzilla.eventa.ports.in.PlanEvents.YourEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventPlanningTest {

    private final EventWorld world = new EventWorld();
    private final PlanEvents planEvents = world.useCases.planEvents();
    private final UserId jane = world.user("Jane");

    @Test
    void planningMakesTheCreatorOwnerAndLogsTheEventThenTheMember() {
        Instant now = world.adapters.clock.now();

        YourEvent planned = planEvents.plan(jane, EventBrief.titled("Jane's wedding"));

        Event event = planned.event();
        assertEquals(Role.OWNER, planned.role());
        assertEquals("Jane's wedding", event.brief().title());
        assertEquals(1, event.version());
        assertEquals(jane, event.createdBy());
        assertEquals(now, event.createdAt());
        assertEquals(Optional.of(event), world.adapters.events.byId(event.id()));
        assertEquals(Role.OWNER, world.adapters.memberships.of(event.id(), jane).orElseThrow().role());

        List<Change> log = world.log(event.id());
        assertEquals(2, log.size());
        assertChange(log.get(0), 1, EntityType.EVENT, event.id().toString(), ChangeOp.CREATED, 1, jane);
        assertChange(log.get(1), 2, EntityType.MEMBER, jane.toString(), ChangeOp.CREATED, 1, jane);
        assertEquals(now, log.get(0).at());
        assertEquals(Optional.of(2L), world.adapters.events.lastChangeSeq(event.id()));
    }

    @Test
    void mineListsOnlyMyEventsWithMyRoleInEachEarliestJoinedFirst() {
        UserId gerda = world.user("Gerda");
        EventId wedding = world.plan(jane, "Jane's wedding");
        world.tick();
        EventId birthday = world.plan(gerda, "Gerda's 60th");
        world.tick();
        world.plan(gerda, "Gerda's retirement");
        world.tick();
        useInviteToJoin(gerda, birthday, "jane", Role.VIEWER);

        List<YourEvent> mine = planEvents.mine(jane);

        assertEquals(List.of(wedding, birthday), mine.stream().map(y -> y.event().id()).toList());
        assertEquals(List.of(Role.OWNER, Role.VIEWER), mine.stream().map(YourEvent::role).toList());
        assertEquals(2, planEvents.mine(gerda).size());
        assertEquals(List.of(), planEvents.mine(world.user("Nobody")));
    }

    private void useInviteToJoin(UserId inviter, EventId event, String name, Role role) {
        world.useCases.joinEvent().accept(world.invite(inviter, event, EventWorld.email(name), role), Optional.empty());
    }

    @Test
    void aMemberViewsTheEventWithTheirRole() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        UserId vic = world.join(jane, wedding, "Vic", Role.VIEWER);

        YourEvent seen = planEvents.view(vic, wedding);

        assertEquals(Role.VIEWER, seen.role());
        assertEquals("Jane's wedding", seen.event().brief().title());
        assertEquals(Role.OWNER, planEvents.view(jane, wedding).role());
    }

    @Test
    void aNonMemberIsToldTheEventDoesNotExist() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        UserId stranger = world.user("Stranger");

        NotFound e = assertThrows(NotFound.class, () -> planEvents.view(stranger, wedding));
        assertEquals("event not found", e.detail());
        NotFound unknown = assertThrows(NotFound.class, () -> planEvents.view(jane, EventId.random()));
        assertEquals(e.detail(), unknown.detail(), "a stranger cannot tell an existing event from a missing one");
    }

    @Test
    void anEditIsStoredAndLoggedWithTheNewVersion() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        UserId ed = world.join(jane, wedding, "Ed", Role.EDITOR);
        int before = world.log(wedding).size();
        Instant now = world.adapters.clock.now();

        YourEvent edited = planEvents.edit(ed, wedding, 1, EventEdit.none().withLocation(Optional.of("Vienna")));

        assertEquals(Role.EDITOR, edited.role());
        assertEquals(2, edited.event().version());
        assertEquals(Optional.of("Vienna"), edited.event().brief().location());
        assertEquals(ed, edited.event().updatedBy());
        assertEquals(now, edited.event().updatedAt());
        assertEquals(Optional.of(edited.event()), world.adapters.events.byId(wedding));
        assertEquals(before + 1, world.log(wedding).size());
        assertChange(world.lastChange(wedding), before + 1, EntityType.EVENT, wedding.toString(), ChangeOp.UPDATED, 2, ed);
    }

    @Test
    void aViewerCannotEditAndNothingIsLogged() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        UserId vic = world.join(jane, wedding, "Vic", Role.VIEWER);
        List<Change> before = world.log(wedding);

        Forbidden e = assertThrows(Forbidden.class,
                () -> planEvents.edit(vic, wedding, 1, EventEdit.none().withTitle("Vic's party")));

        assertEquals("forbidden", e.errorCode());
        assertEquals(before, world.log(wedding));
        assertEquals("Jane's wedding", world.adapters.events.byId(wedding).orElseThrow().brief().title());
        assertEquals(1, world.adapters.events.byId(wedding).orElseThrow().version());
    }

    @Test
    void aNonMemberEditingIsToldTheEventDoesNotExist() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        assertThrows(NotFound.class,
                () -> planEvents.edit(world.user("Stranger"), wedding, 1, EventEdit.none().withTitle("Mine now")));
        assertThrows(NotFound.class, () -> planEvents.edit(jane, EventId.random(), 1, EventEdit.none().withTitle("x")));
    }

    @Test
    void aStaleEditIsAConflictNamingTheLastEditorAndWritesNothing() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        UserId ed = world.join(jane, wedding, "Ed", Role.EDITOR);
        planEvents.edit(jane, wedding, 1, EventEdit.none().withLocation(Optional.of("Vienna")));
        world.tick();
        Event current = planEvents.edit(ed, wedding, 2, EventEdit.none().withTitle("Jane & Tom's wedding")).event();
        List<Change> logBefore = world.log(wedding);

        VersionConflict e = assertThrows(VersionConflict.class,
                () -> planEvents.edit(jane, wedding, 2, EventEdit.none().withTitle("Jane's big day")));

        assertEquals("Ed", e.changedByName().orElseThrow().value());
        assertEquals(2, e.basedOn());
        assertEquals(3, e.current().version());
        assertEquals(current, e.current());
        assertEquals(Optional.of(current), world.adapters.events.byId(wedding));
        assertEquals(logBefore, world.log(wedding));
        assertEquals(Optional.of((long) logBefore.size()), world.adapters.events.lastChangeSeq(wedding));
    }

    @Test
    void anEditThatChangesNothingLogsNothing() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        Event before = world.adapters.events.byId(wedding).orElseThrow();

        YourEvent same = planEvents.edit(jane, wedding, 1, EventEdit.none().withTitle("Jane's wedding")
                .withNotes(Optional.of("   ")));

        assertEquals(before, same.event());
        assertEquals(1, same.event().version());
        assertEquals(2, world.log(wedding).size());
        assertEquals(Optional.of(2L), world.adapters.events.lastChangeSeq(wedding));
    }

    @Test
    void anEditorCannotDeleteTheEvent() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        UserId ed = world.join(jane, wedding, "Ed", Role.EDITOR);

        assertThrows(Forbidden.class, () -> planEvents.delete(ed, wedding));
        assertTrue(world.adapters.events.byId(wedding).isPresent());
        assertEquals(Role.EDITOR, planEvents.view(ed, wedding).role());
    }

    @Test
    void anOwnerDeletesTheEventWithItsMembersInvitesAndChanges() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        UserId ed = world.join(jane, wedding, "Ed", Role.EDITOR);
        world.invite(jane, wedding, EventWorld.email("pending"), Role.VIEWER);
        EventId other = world.plan(jane, "Jane's hen party");
        List<Change> otherLog = world.log(other);

        planEvents.delete(jane, wedding);

        assertEquals(Optional.empty(), world.adapters.events.byId(wedding));
        assertEquals(Optional.empty(), world.adapters.events.lastChangeSeq(wedding));
        assertEquals(List.of(), world.adapters.memberships.ofEvent(wedding));
        assertEquals(List.of(), world.adapters.invites.ofEvent(wedding));
        assertEquals(List.of(), world.log(wedding));
        assertThrows(NotFound.class, () -> planEvents.view(ed, wedding));
        assertThrows(NotFound.class, () -> planEvents.view(jane, wedding));
        assertEquals(List.of(), planEvents.mine(ed));
        assertEquals(List.of(other), planEvents.mine(jane).stream().map(y -> y.event().id()).toList());
        assertEquals(otherLog, world.log(other), "other events are untouched");
    }

    @Test
    void deletingAnEventThatIsGoneIsNotFound() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        planEvents.delete(jane, wedding);
        assertThrows(NotFound.class, () -> planEvents.delete(jane, wedding));
    }

    @Test
    void viewReturnsWhatWasStored() {
        EventId wedding = world.plan(jane, "Jane's wedding");
        assertEquals(world.adapters.events.byId(wedding).orElseThrow(), planEvents.view(jane, wedding).event());
    }
}
