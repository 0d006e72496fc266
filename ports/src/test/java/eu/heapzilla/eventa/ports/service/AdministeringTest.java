package eu.heapzilla.eventa.ports.service;

import static eu.heapzilla.eventa.ports.service.EventWorld.assertChange;
import static eu.heapzilla.eventa.ports.service.EventWorld.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.Administer;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import eu.heapzilla.eventa.ports.in.SignIn;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdministeringTest {

    private final EventWorld world = new EventWorld();
    private final Administer administer = world.useCases.administer();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");

    @Test
    void aSignInLinkFromTheCommandLineSignsInWithoutAnyMail() {
        int mailsBefore = world.adapters.mails().size();

        Administer.Link link = administer.signInLink(email("Nina"));
        SignIn.SignedIn signedIn = world.useCases.signIn().verify(link.token(), Optional.empty());

        assertEquals(email("Nina"), signedIn.user().email());
        assertEquals(world.adapters.clock.now().plus(MagicLink.LIFETIME), link.expiresAt());
        world.adapters.drainOutbox();
        assertEquals(mailsBefore, world.adapters.mails().size());
    }

    @Test
    void anAddedOwnerIsANewAccountRecordedInTheEventLikeAnyMember() {
        world.tick();
        int logBefore = world.log(wedding).size();

        User nina = administer.addOwner(wedding, email("Nina"));

        assertEquals(Role.OWNER, world.adapters.memberships.of(wedding, nina.id()).orElseThrow().role());
        assertEquals(logBefore + 1, world.log(wedding).size());
        assertChange(world.lastChange(wedding), logBefore + 1, EntityType.MEMBER, nina.id().toString(),
                ChangeOp.CREATED, 1, nina.id());
    }

    @Test
    void anEditorAddedAsOwnerIsPromotedAndAnOwnerStaysAsIs() {
        UserId ed = world.join(olga, wedding, "Ed", Role.EDITOR);

        User promoted = administer.addOwner(wedding, email("Ed"));
        int logAfterPromotion = world.log(wedding).size();
        administer.addOwner(wedding, email("Ed"));

        assertEquals(ed, promoted.id());
        assertEquals(Role.OWNER, world.adapters.memberships.of(wedding, ed).orElseThrow().role());
        assertChange(world.lastChange(wedding), logAfterPromotion, EntityType.MEMBER, ed.toString(), ChangeOp.UPDATED,
                2, ed);
        assertEquals(logAfterPromotion, world.log(wedding).size(), "adding an owner again changes nothing");
    }

    @Test
    void aHandedOverInviteIsNotMailedAndIsAcceptedLikeAMailedOne() {
        world.adapters.drainOutbox();
        int mailsBefore = world.adapters.mails().size();

        Administer.Link invite = administer.createInvite(wedding, email("Anna"), Role.EDITOR);
        JoinEvent.Joined joined = world.useCases.joinEvent().accept(invite.token(), Optional.empty());

        world.adapters.drainOutbox();
        assertEquals(mailsBefore, world.adapters.mails().size());
        assertEquals(Role.EDITOR, joined.role());
        assertEquals(wedding, joined.event());
        assertEquals(olga, world.adapters.invites.ofEvent(wedding).get(0).invitedBy(),
                "the invite is in the name of the event's owner");
    }

    @Test
    void theCommandLineInvitesNobodyWhoIsAlreadyInAndNothingIntoAnEventThatIsNot() {
        assertThrows(Conflict.class, () -> administer.createInvite(wedding, email("Olga"), Role.VIEWER));
        EventId nowhere = EventId.random();
        assertThrows(NotFound.class, () -> administer.createInvite(nowhere, email("Anna"), Role.VIEWER));
        assertThrows(NotFound.class, () -> administer.addOwner(nowhere, email("Nina")));
        assertTrue(world.adapters.users.byEmail(email("Nina")).isEmpty(), "no account is left behind");
        assertThrows(NotFound.class, () -> administer.exportEvent(nowhere));
    }

    @Test
    void theOperatorsExportIsTheMembersExport() {
        assertEquals(world.useCases.exportEvents().export(olga, wedding), administer.exportEvent(wedding));
        assertTrue(administer.exportEvent(wedding).cursor() > 0);
    }
}
