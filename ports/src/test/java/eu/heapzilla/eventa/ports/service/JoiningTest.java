package eu.heapzilla.eventa.ports.service;

import static eu.heapzilla.eventa.ports.service.EventWorld.assertChange;
import static eu.heapzilla.eventa.ports.service.EventWorld.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Invite;
import eu.heapzilla.eventa.domain.event.InviteStatus;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.JoinEvent.Invitation;
import eu.heapzilla.eventa.ports.in.JoinEvent.Joined;
import eu.heapzilla.eventa.ports.in.JoinEvent;
import eu.heapzilla.eventa.ports.in.SignIn;
import eu.heapzilla.eventa.ports.out.Mail;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JoiningTest {

    private static final Email ANNA = email("anna");

    private final EventWorld world = new EventWorld();
    private final JoinEvent joinEvent = world.useCases.joinEvent();
    private final UserId olga = world.user("Olga");
    private final EventId wedding = world.plan(olga, "Jane's wedding");

    private Invite inviteOf(Secret token) {
        return world.adapters.invites.byHash(token.hash()).orElseThrow();
    }

    @Test
    void aPreviewShowsWhatTheInviteIsForWithoutUsingIt() {
        Secret token = world.invite(olga, wedding, ANNA, Role.VIEWER);
        Instant sentAt = world.adapters.clock.now();
        world.adapters.clock.advance(Duration.ofDays(2));

        Invitation invitation = joinEvent.preview(token);

        assertEquals(wedding, invitation.event());
        assertEquals("Jane's wedding", invitation.eventTitle());
        assertEquals("Olga", invitation.inviter().value());
        assertEquals(ANNA, invitation.email());
        assertEquals(Role.VIEWER, invitation.role());
        assertEquals(sentAt.plus(Duration.ofDays(14)), invitation.expiresAt());
        assertEquals(Optional.empty(), world.adapters.users.byEmail(ANNA), "looking creates no account");
        assertEquals(InviteStatus.PENDING, inviteOf(token).status(world.adapters.clock.now()));
        assertEquals(invitation, joinEvent.preview(token), "and can be repeated");
    }

    @Test
    void acceptingCreatesTheUserTheMembershipAndABearerAndLogsBoth() {
        Secret token = world.invite(olga, wedding, ANNA, Role.VIEWER);
        Invite invite = inviteOf(token);
        world.tick();
        Instant now = world.adapters.clock.now();
        int before = world.log(wedding).size();

        Joined joined = joinEvent.accept(token, Optional.of(DeviceLabel.of("Anna's phone")));

        User anna = joined.signedIn().user();
        assertEquals(ANNA, anna.email());
        assertEquals("anna", anna.displayName().value());
        assertEquals(Optional.of(now), anna.lastSeenAt(), "joining is being seen");
        assertEquals(Optional.of(anna), world.adapters.users.byEmail(ANNA));
        assertEquals(wedding, joined.event());
        assertEquals("Jane's wedding", joined.eventTitle());
        assertEquals(Role.VIEWER, joined.role());

        Membership membership = world.adapters.memberships.of(wedding, anna.id()).orElseThrow();
        assertEquals(Role.VIEWER, membership.role());
        assertEquals(now, membership.joinedAt());
        assertEquals(Role.VIEWER, world.useCases.planEvents().view(anna.id(), wedding).role());

        assertEquals(anna.id(), world.useCases.authenticate().authenticate(joined.signedIn().bearer()));
        BearerToken bearer = world.adapters.bearerTokens.all().stream()
                .filter(b -> b.hash().matches(joined.signedIn().bearer())).findFirst().orElseThrow();
        assertEquals(Optional.of(DeviceLabel.of("Anna's phone")), bearer.deviceLabel());
        assertNotEquals(token, joined.signedIn().bearer(), "the bearer is not the invite token");

        Invite accepted = inviteOf(token);
        assertEquals(InviteStatus.ACCEPTED, accepted.status(now));
        assertEquals(Optional.of(anna.id()), accepted.acceptedBy());
        assertEquals(Optional.of(now), accepted.acceptedAt());

        List<Change> log = world.log(wedding);
        assertEquals(before + 2, log.size());
        assertChange(log.get(before), before + 1, EntityType.INVITE, invite.id().toString(), ChangeOp.UPDATED, 2, anna.id());
        assertChange(log.get(before + 1), before + 2, EntityType.MEMBER, anna.id().toString(), ChangeOp.CREATED, 1,
                anna.id());
    }

    @Test
    void anInviteeJoinsWithTheRoleTheInviteSays() {
        assertEquals(Role.EDITOR, joinEvent.accept(world.invite(olga, wedding, ANNA, Role.EDITOR), Optional.empty()).role());
        assertEquals(Role.OWNER,
                joinEvent.accept(world.invite(olga, wedding, email("bert"), Role.OWNER), Optional.empty()).role());
        UserId bert = world.adapters.users.byEmail(email("bert")).orElseThrow().id();
        assertEquals(Role.OWNER, world.adapters.memberships.of(wedding, bert).orElseThrow().role());
    }

    @Test
    void anInviteWorksOnce() {
        Secret token = world.invite(olga, wedding, ANNA, Role.VIEWER);
        joinEvent.accept(token, Optional.empty());
        List<Change> log = world.log(wedding);
        int bearers = world.adapters.bearerTokens.all().size();

        Gone e = assertThrows(Gone.class, () -> joinEvent.accept(token, Optional.empty()));

        assertEquals("gone", e.errorCode());
        assertEquals(log, world.log(wedding));
        assertEquals(bearers, world.adapters.bearerTokens.all().size());
        assertThrows(Gone.class, () -> joinEvent.preview(token));
    }

    @Test
    void anInviteExpiresFourteenDaysAfterItWasSent() {
        Secret late = world.invite(olga, wedding, ANNA, Role.VIEWER);
        Secret inTime = world.invite(olga, wedding, email("bert"), Role.VIEWER);
        world.adapters.clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertEquals(Role.VIEWER, joinEvent.accept(inTime, Optional.empty()).role());
        world.adapters.clock.advance(Duration.ofSeconds(1));
        List<Change> log = world.log(wedding);

        assertThrows(Gone.class, () -> joinEvent.preview(late));
        Gone e = assertThrows(Gone.class, () -> joinEvent.accept(late, Optional.empty()));

        assertEquals("this invite has expired; ask for a new one", e.detail());
        assertEquals(Optional.empty(), world.adapters.users.byEmail(ANNA), "a refused invite creates no account");
        assertEquals(log, world.log(wedding));
    }

    @Test
    void aRevokedInviteIsGone() {
        Secret token = world.invite(olga, wedding, ANNA, Role.VIEWER);
        world.useCases.inviteMembers().revoke(olga, wedding, inviteOf(token).id());

        assertThrows(Gone.class, () -> joinEvent.preview(token));
        Gone e = assertThrows(Gone.class, () -> joinEvent.accept(token, Optional.empty()));
        assertEquals("this invite was withdrawn; ask for a new one", e.detail());
        assertEquals(Optional.empty(), world.adapters.users.byEmail(ANNA));
    }

    @Test
    void anUnknownTokenIsNotFound() {
        world.invite(olga, wedding, ANNA, Role.VIEWER);
        Secret unknown = Secret.generate(new SecureRandom());
        NotFound e = assertThrows(NotFound.class, () -> joinEvent.accept(unknown, Optional.empty()));
        assertEquals("invite not found", e.detail());
        assertThrows(NotFound.class, () -> joinEvent.preview(unknown));
        assertEquals(Optional.empty(), world.adapters.users.byEmail(ANNA));
    }

    @Test
    void anInviteToADeletedEventIsNotFound() {
        Secret token = world.invite(olga, wedding, ANNA, Role.VIEWER);
        world.useCases.planEvents().delete(olga, wedding);
        assertThrows(NotFound.class, () -> joinEvent.preview(token));
        assertThrows(NotFound.class, () -> joinEvent.accept(token, Optional.empty()));
        assertEquals(Optional.empty(), world.adapters.users.byEmail(ANNA));
    }

    @Test
    void someoneWhoIsAlreadyAMemberKeepsTheirRole() {
        Secret token = world.invite(olga, wedding, ANNA, Role.EDITOR);
        // Anna became a viewer some other way while the invite was in the post.
        User anna = world.adapters.users.addOrGet(User.register(UserId.random(), ANNA, world.adapters.clock.now()));
        world.adapters.memberships.add(Membership.join(wedding, anna.id(), Role.VIEWER, world.adapters.clock.now()));
        int before = world.log(wedding).size();

        Joined joined = joinEvent.accept(token, Optional.empty());

        assertEquals(anna.id(), joined.signedIn().user().id());
        assertEquals(Role.VIEWER, joined.role());
        assertEquals(Role.VIEWER, world.adapters.memberships.of(wedding, anna.id()).orElseThrow().role());
        assertEquals(1, world.adapters.memberships.of(wedding, anna.id()).orElseThrow().version());
        List<Change> log = world.log(wedding);
        assertEquals(before + 1, log.size(), "only the invite changed");
        assertEquals(EntityType.INVITE, log.get(before).entityType());
        assertEquals(anna.id(), world.useCases.authenticate().authenticate(joined.signedIn().bearer()));
    }

    @Test
    void someoneWhoSignedUpBeforeJoinsAsThemselves() {
        SignIn signIn = world.useCases.signIn();
        signIn.requestLink(ANNA, new ClientAddress("198.51.100.7"));
        Mail.SignInLink link = (Mail.SignInLink) world.adapters.mails().get(world.adapters.mails().size() - 1);
        SignIn.SignedIn earlier = signIn.verify(link.token(), Optional.empty());
        User anna = earlier.user();
        world.useCases.editProfile().rename(anna.id(), DisplayName.of("Anna B."));
        Secret token = world.invite(olga, wedding, Email.of("Anna@Example.org"), Role.EDITOR);
        world.tick();

        Joined joined = joinEvent.accept(token, Optional.empty());

        assertEquals(anna.id(), joined.signedIn().user().id());
        assertEquals("Anna B.", joined.signedIn().user().displayName().value(), "their chosen name is kept");
        assertEquals(anna.createdAt(), joined.signedIn().user().createdAt());
        assertEquals(Role.EDITOR, world.adapters.memberships.of(wedding, anna.id()).orElseThrow().role());
        assertEquals(anna.id(), world.useCases.authenticate().authenticate(joined.signedIn().bearer()));
        assertEquals(anna.id(), world.useCases.authenticate().authenticate(earlier.bearer()), "their earlier bearer stays");
        assertChange(world.lastChange(wedding), world.log(wedding).size(), EntityType.MEMBER, anna.id().toString(),
                ChangeOp.CREATED, 1, anna.id());
    }

    @Test
    void ofTwoRacingAcceptsOfOneInviteExactlyOneJoins() throws Exception {
        Secret token = world.invite(olga, wedding, ANNA, Role.VIEWER);
        int bearers = world.adapters.bearerTokens.all().size();
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Joined>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return joinEvent.accept(token, Optional.empty());
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Joined> result : results) {
                try {
                    result.get();
                    winners++;
                } catch (ExecutionException e) {
                    assertEquals(Gone.class, e.getCause().getClass(), "losers are told the invite is used");
                }
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(bearers + 1, world.adapters.bearerTokens.all().size());
        assertEquals(1, world.log(wedding).stream()
                .filter(c -> c.entityType() == EntityType.MEMBER && c.op() == ChangeOp.CREATED
                        && !c.entityId().equals(olga.toString()))
                .count());
    }
}
