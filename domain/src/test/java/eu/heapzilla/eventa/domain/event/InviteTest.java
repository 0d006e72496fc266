package eu.heapzilla.eventa.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InviteTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant EXPIRY = T0.plus(Duration.ofDays(14));
    private static final UserId GERDA = UserId.random();
    private static final UserId JANE = UserId.random();

    private final Invite invite = Invite.issue(InviteId.random(), EventId.random(),
            Secret.generate(new SecureRandom()).hash(), Email.of("jane@example.org"), Role.EDITOR, GERDA, T0);

    @Test
    void aNewInviteIsPendingForFourteenDays() {
        assertEquals(Duration.ofDays(14), Invite.LIFETIME);
        assertEquals(EXPIRY, invite.expiresAt());
        assertEquals(T0, invite.createdAt());
        assertEquals(1, invite.version());
        assertEquals(Optional.empty(), invite.acceptedAt());
        assertEquals(Optional.empty(), invite.revokedAt());
        assertEquals(InviteStatus.PENDING, invite.status(T0));
    }

    @Test
    void itExpiresExactlyAtItsExpiryTime() {
        assertEquals(InviteStatus.PENDING, invite.status(EXPIRY.minusNanos(1)));
        assertEquals(InviteStatus.EXPIRED, invite.status(EXPIRY));
        assertEquals(InviteStatus.EXPIRED, invite.status(EXPIRY.plus(Duration.ofDays(365))));
    }

    @Test
    void itIsUsableUntilItExpires() {
        assertSame(invite, invite.requireUsable(EXPIRY.minusNanos(1)));
        Gone e = assertThrows(Gone.class, () -> invite.requireUsable(EXPIRY));
        assertEquals("gone", e.errorCode());
        assertEquals("this invite has expired; ask for a new one", e.detail());
    }

    @Test
    void acceptingRecordsWhoAndWhenAndStaysAcceptedAfterExpiry() {
        Instant at = T0.plus(Duration.ofDays(3));
        Invite accepted = invite.accept(JANE, at);

        assertEquals(Optional.of(at), accepted.acceptedAt());
        assertEquals(Optional.of(JANE), accepted.acceptedBy());
        assertEquals(2, accepted.version());
        assertEquals(InviteStatus.ACCEPTED, accepted.status(at));
        assertEquals(InviteStatus.ACCEPTED, accepted.status(EXPIRY.plusSeconds(1)));
        assertEquals(invite.id(), accepted.id());
        assertEquals(invite.role(), accepted.role());
    }

    @Test
    void acceptingJustBeforeExpiryWorks() {
        assertEquals(InviteStatus.ACCEPTED, invite.accept(JANE, EXPIRY.minusNanos(1)).status(EXPIRY));
    }

    @Test
    void anInviteWorksOnce() {
        Invite accepted = invite.accept(JANE, T0.plusSeconds(60));
        Gone e = assertThrows(Gone.class, () -> accepted.accept(JANE, T0.plusSeconds(120)));
        assertEquals("this invite has already been used; sign in instead", e.detail());
        assertThrows(Gone.class, () -> accepted.accept(UserId.random(), T0.plusSeconds(120)));
    }

    @Test
    void aRevokedInviteCannotBeAccepted() {
        Invite revoked = invite.revoke(T0.plusSeconds(60));
        Gone e = assertThrows(Gone.class, () -> revoked.accept(JANE, T0.plusSeconds(120)));
        assertEquals("this invite was withdrawn; ask for a new one", e.detail());
    }

    @Test
    void anExpiredInviteCannotBeAccepted() {
        assertThrows(Gone.class, () -> invite.accept(JANE, EXPIRY));
        assertThrows(Gone.class, () -> invite.accept(JANE, EXPIRY.plus(Duration.ofDays(1))));
    }

    @Test
    void revokingRecordsWhenAndBumpsTheVersion() {
        Instant at = T0.plusSeconds(60);
        Invite revoked = invite.revoke(at);
        assertEquals(Optional.of(at), revoked.revokedAt());
        assertEquals(2, revoked.version());
        assertEquals(InviteStatus.REVOKED, revoked.status(at));
        assertEquals(InviteStatus.REVOKED, revoked.status(EXPIRY.plusSeconds(1)), "revoked wins over expired");
    }

    @Test
    void revokingTwiceChangesNothing() {
        Invite revoked = invite.revoke(T0.plusSeconds(60));
        Invite again = revoked.revoke(T0.plusSeconds(120));
        assertSame(revoked, again);
        assertEquals(2, again.version());
        assertEquals(Optional.of(T0.plusSeconds(60)), again.revokedAt());
    }

    @Test
    void anAcceptedInviteCannotBeRevoked() {
        Invite accepted = invite.accept(JANE, T0.plusSeconds(60));
        Gone e = assertThrows(Gone.class, () -> accepted.revoke(T0.plusSeconds(120)));
        assertEquals("this invite was already accepted; remove the member instead", e.detail());
    }

    @Test
    void revokingAnExpiredInviteWithdrawsIt() {
        // So that an expired invite can be cleared from the event's list of open invites.
        Invite revoked = invite.revoke(EXPIRY.plusSeconds(1));
        assertEquals(InviteStatus.REVOKED, revoked.status(EXPIRY.plusSeconds(1)));
        assertEquals(2, revoked.version());
    }

    @Test
    void acceptedAtAndAcceptedByGoTogether() {
        assertThrows(IllegalArgumentException.class, () -> new Invite(invite.id(), invite.event(), invite.hash(),
                invite.email(), invite.role(), GERDA, T0, EXPIRY, Optional.of(T0), Optional.empty(), Optional.empty(), 2));
        assertThrows(IllegalArgumentException.class, () -> new Invite(invite.id(), invite.event(), invite.hash(),
                invite.email(), invite.role(), GERDA, T0, EXPIRY, Optional.empty(), Optional.of(JANE), Optional.empty(), 2));
    }

    @Test
    void statusWireNames() {
        assertEquals("pending", InviteStatus.PENDING.wireName());
        assertEquals("accepted", InviteStatus.ACCEPTED.wireName());
        assertEquals("revoked", InviteStatus.REVOKED.wireName());
        assertEquals("expired", InviteStatus.EXPIRED.wireName());
    }
}
