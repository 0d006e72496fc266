package eu.heapzilla.eventa.ports.service;

import static eu.heapzilla.eventa.ports.service.EventWorld.assertChange;
import static eu.heapzilla.eventa.ports.service.EventWorld.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.Forbidden;
import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventEdit;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.InviteId;
import eu.heapzilla.eventa.domain.event.InviteStatus;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.InviteMembers.InviteState;
import eu.heapzilla.eventa.ports.in.InviteMembers;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import eu.heapzilla.eventa.ports.out.Mail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvitingTest {

    private static final Email ANNA = email("anna");

    private final EventWorld world = new EventWorld();
    private final InviteMembers inviteMembers = world.useCases.inviteMembers();
    private final JoinEvent joinEvent = world.useCases.joinEvent();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");
    private final UserId ed;
    private final UserId vic;

    InvitingTest() {
        world.tick();
        ed = world.join(olga, wedding, "Ed", Role.EDITOR);
        vic = world.join(olga, wedding, "Vic", Role.VIEWER);
    }

    private Invite stored(InviteId id) {
        return world.adapters.invites.byId(id).orElseThrow();
    }

    @Test
    void anInviteIsStoredLoggedAndMailedAfterCommit() {
        int mailsBefore = world.adapters.mails().size();
        int logBefore = world.log(wedding).size();
        Instant now = world.adapters.clock.now();

        InviteState state = inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER);

        Invite invite = state.invite();
        assertEquals(InviteStatus.PENDING, state.status());
        assertEquals(ANNA, invite.email());
        assertEquals(Role.VIEWER, invite.role());
        assertEquals(olga, invite.invitedBy());
        assertEquals(now.plus(Duration.ofDays(14)), invite.expiresAt());
        assertEquals(invite, stored(invite.id()));

        List<Mail> sent = world.adapters.mails();
        assertEquals(mailsBefore + 1, sent.size());
        Mail.Invitation mail = (Mail.Invitation) sent.get(sent.size() - 1);
        assertEquals(ANNA, mail.to());
        assertEquals("Jane's wedding", mail.eventTitle());
        assertEquals("Olga", mail.inviter().value());
        assertEquals(Role.VIEWER, mail.role());
        assertEquals(invite.expiresAt(), mail.expiresAt());
        assertTrue(invite.hash().matches(mail.token()), "the mail carries the token whose hash is stored");
        assertEquals(List.of(), world.adapters.mailer.sentInsideATransaction());

        assertEquals(logBefore + 1, world.log(wedding).size());
        assertChange(world.lastChange(wedding), logBefore + 1, EntityType.INVITE, invite.id().toString(), ChangeOp.CREATED,
                1, olga);
    }

    @Test
    void theMailNamesTheEventAsItIsTitledNowAndTheInvitingEditor() {
        world.useCases.planEvents().edit(olga, wedding, 1,
                EventEdit.none().withTitle("Jane & Tom's wedding"));
        inviteMembers.invite(ed, wedding, ANNA, Role.EDITOR);
        Mail.Invitation mail = world.lastInvitation();
        assertEquals("Jane & Tom's wedding", mail.eventTitle());
        assertEquals("Ed", mail.inviter().value());
        assertEquals(Role.EDITOR, mail.role());
    }

    @Test
    void aViewerCannotInvite() {
        int mails = world.adapters.mails().size();
        List<Change> log = world.log(wedding);

        Forbidden e = assertThrows(Forbidden.class, () -> inviteMembers.invite(vic, wedding, ANNA, Role.VIEWER));

        assertEquals("forbidden", e.errorCode());
        assertEquals(mails, world.adapters.mails().size());
        assertEquals(log, world.log(wedding));
        assertTrue(world.adapters.invites.ofEvent(wedding).stream().noneMatch(i -> i.email().equals(ANNA)));
    }

    @Test
    void anEditorInvitesEditorsAndViewersButNoOwner() {
        int mails = world.adapters.mails().size();

        Forbidden e = assertThrows(Forbidden.class, () -> inviteMembers.invite(ed, wedding, ANNA, Role.OWNER));

        assertEquals("only an owner can invite another owner", e.detail());
        assertEquals(mails, world.adapters.mails().size());
        assertEquals(Role.VIEWER, inviteMembers.invite(ed, wedding, ANNA, Role.VIEWER).invite().role());
        assertEquals(Role.EDITOR, inviteMembers.invite(ed, wedding, email("bert"), Role.EDITOR).invite().role());
    }

    @Test
    void anOwnerMayInviteAnOwner() {
        Secret token = world.invite(olga, wedding, ANNA, Role.OWNER);
        assertEquals(Role.OWNER, joinEvent.accept(token, Optional.empty()).role());
    }

    @Test
    void aStrangerCannotInviteOrListOrRevoke() {
        UserId stranger = world.user("Stranger");
        InviteId id = inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER).invite().id();
        assertThrows(NotFound.class, () -> inviteMembers.invite(stranger, wedding, ANNA, Role.VIEWER));
        assertThrows(NotFound.class, () -> inviteMembers.invites(stranger, wedding));
        assertThrows(NotFound.class, () -> inviteMembers.revoke(stranger, wedding, id));
        assertEquals(InviteStatus.PENDING, stored(id).status(world.adapters.clock.now()));
    }

    @Test
    void aMembersAddressIsAConflictAndNothingIsMailed() {
        int mails = world.adapters.mails().size();
        List<Change> log = world.log(wedding);

        Conflict e = assertThrows(Conflict.class, () -> inviteMembers.invite(olga, wedding, email("Vic"), Role.EDITOR));

        assertEquals("already_member", e.errorCode());
        assertEquals(mails, world.adapters.mails().size());
        assertEquals(log, world.log(wedding));
        assertEquals("already_member", assertThrows(Conflict.class,
                () -> inviteMembers.invite(ed, wedding, Email.of("  OLGA@Example.org "), Role.VIEWER)).errorCode());
    }

    @Test
    void aUserWhoIsNoMemberYetCanBeInvited() {
        world.user("Anna");
        assertEquals(InviteStatus.PENDING, inviteMembers.invite(olga, wedding, ANNA, Role.EDITOR).status());
    }

    @Test
    void reInvitingAnAddressWithdrawsTheEarlierInviteAndLogsBoth() {
        InviteState first = inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER);
        Secret firstToken = world.lastInvitation().token();
        world.tick();
        int logBefore = world.log(wedding).size();

        InviteState second = inviteMembers.invite(ed, wedding, ANNA, Role.EDITOR);
        Secret secondToken = world.lastInvitation().token();

        assertNotEquals(first.invite().id(), second.invite().id());
        Invite replaced = stored(first.invite().id());
        assertEquals(Optional.of(world.adapters.clock.now()), replaced.revokedAt());
        assertEquals(2, replaced.version());
        assertEquals(InviteStatus.REVOKED, replaced.status(world.adapters.clock.now()));
        List<Change> log = world.log(wedding);
        assertEquals(logBefore + 2, log.size());
        assertChange(log.get(logBefore), logBefore + 1, EntityType.INVITE, first.invite().id().toString(), ChangeOp.UPDATED, 2,
                ed);
        assertChange(log.get(logBefore + 1), logBefore + 2, EntityType.INVITE, second.invite().id().toString(),
                ChangeOp.CREATED, 1, ed);

        assertThrows(Gone.class, () -> joinEvent.preview(firstToken));
        assertThrows(Gone.class, () -> joinEvent.accept(firstToken, Optional.empty()));
        assertEquals(Role.EDITOR, joinEvent.accept(secondToken, Optional.empty()).role());
        assertEquals(List.of(), inviteMembers.invites(olga, wedding));
    }

    @Test
    void reInvitingDoesNotTouchInvitesToOtherAddresses() {
        InviteId bert = inviteMembers.invite(olga, wedding, email("bert"), Role.VIEWER).invite().id();
        inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER);
        inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER);
        assertEquals(1, stored(bert).version());
        assertEquals(InviteStatus.PENDING, stored(bert).status(world.adapters.clock.now()));
    }

    @Test
    void theListShowsPendingAndExpiredInvitesOldestFirstButNotRevokedOrAccepted() {
        InviteId expired = inviteMembers.invite(olga, wedding, email("old"), Role.VIEWER).invite().id();
        world.adapters.clock.advance(Duration.ofDays(14));
        InviteId pending = inviteMembers.invite(olga, wedding, ANNA, Role.EDITOR).invite().id();
        world.tick();
        InviteId revoked = inviteMembers.invite(olga, wedding, email("revoked"), Role.VIEWER).invite().id();
        inviteMembers.revoke(olga, wedding, revoked);
        world.tick();
        joinEvent.accept(world.invite(olga, wedding, email("accepted"), Role.VIEWER), Optional.empty());

        List<InviteState> list = inviteMembers.invites(vic, wedding);

        assertEquals(List.of(expired, pending), list.stream().map(s -> s.invite().id()).toList());
        assertEquals(List.of(InviteStatus.EXPIRED, InviteStatus.PENDING), list.stream().map(InviteState::status).toList());
    }

    @Test
    void revokingLogsOnceAndAgainIsHarmless() {
        InviteId id = inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER).invite().id();
        Secret token = world.lastInvitation().token();
        world.tick();
        int before = world.log(wedding).size();

        inviteMembers.revoke(ed, wedding, id);

        assertEquals(before + 1, world.log(wedding).size());
        assertChange(world.lastChange(wedding), before + 1, EntityType.INVITE, id.toString(), ChangeOp.UPDATED, 2, ed);
        assertEquals(Optional.of(world.adapters.clock.now()), stored(id).revokedAt());
        assertThrows(Gone.class, () -> joinEvent.preview(token));

        world.tick();
        inviteMembers.revoke(olga, wedding, id);

        assertEquals(before + 1, world.log(wedding).size());
        assertEquals(2, stored(id).version());
        assertEquals(List.of(), inviteMembers.invites(olga, wedding));
    }

    @Test
    void revokingAnExpiredInviteClearsItFromTheList() {
        InviteId id = inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER).invite().id();
        world.adapters.clock.advance(Duration.ofDays(15));
        assertEquals(InviteStatus.EXPIRED, inviteMembers.invites(olga, wedding).get(0).status());

        inviteMembers.revoke(olga, wedding, id);

        assertEquals(List.of(), inviteMembers.invites(olga, wedding));
    }

    @Test
    void aViewerCannotRevoke() {
        InviteId id = inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER).invite().id();
        assertThrows(Forbidden.class, () -> inviteMembers.revoke(vic, wedding, id));
        assertEquals(InviteStatus.PENDING, stored(id).status(world.adapters.clock.now()));
    }

    @Test
    void anAcceptedInviteCannotBeRevoked() {
        InviteId id = inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER).invite().id();
        joinEvent.accept(world.lastInvitation().token(), Optional.empty());
        List<Change> log = world.log(wedding);

        assertThrows(Gone.class, () -> inviteMembers.revoke(olga, wedding, id));
        assertEquals(log, world.log(wedding));
    }

    @Test
    void anUnknownInviteOrOneOfAnotherEventIsNotFound() {
        EventId party = world.plan(olga, "Olga's party");
        InviteId elsewhere = inviteMembers.invite(olga, party, ANNA, Role.VIEWER).invite().id();

        assertThrows(NotFound.class, () -> inviteMembers.revoke(olga, wedding, InviteId.random()));
        NotFound e = assertThrows(NotFound.class, () -> inviteMembers.revoke(olga, wedding, elsewhere));
        assertEquals("invite not found", e.detail());
        assertEquals(InviteStatus.PENDING, stored(elsewhere).status(world.adapters.clock.now()));
    }

    @Test
    void whenTheMailFailsTheInviteStaysAndItsMailGoesOnceTheMailerRecovers() {
        int mails = world.adapters.mails().size();
        int log = world.log(wedding).size();
        world.adapters.mailer.fail(true);

        inviteMembers.invite(olga, wedding, ANNA, Role.VIEWER);

        assertEquals(mails, world.adapters.mails().size());
        List<InviteState> open = inviteMembers.invites(olga, wedding);
        assertEquals(1, open.size());
        assertEquals(ANNA, open.get(0).invite().email());
        assertEquals(InviteStatus.PENDING, open.get(0).status());
        assertEquals(log + 1, world.log(wedding).size());
        assertEquals(List.of(), world.adapters.mailer.sentInsideATransaction(), "not even the failed attempt");

        world.adapters.mailer.fail(false);
        world.adapters.clock.advance(Duration.ofMinutes(1));

        List<Mail> sent = world.adapters.mails();
        assertEquals(mails + 1, sent.size());
        assertEquals(ANNA, sent.get(sent.size() - 1).to());
    }
}
