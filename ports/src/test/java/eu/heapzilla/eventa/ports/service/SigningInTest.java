package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.access.DeviceLabel;
import eu.heapzilla.eventa.domain.access.MagicLink;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.Gone;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.Authenticate;
import eu.heapzilla.eventa.ports.in.SignIn.SignedIn;
import eu.heapzilla.eventa.ports.in.SignIn;
import eu.heapzilla.eventa.ports.out.ChangeBus;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SigningInTest {

    private static final Email JANE = Email.of("jane@example.org");
    private static final ClientAddress FROM = new ClientAddress("198.51.100.7");

    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final UseCases useCases = adapters.useCases();
    private final SignIn signIn = useCases.signIn();
    private final Authenticate authenticate = useCases.authenticate();

    private Secret requestAndReadMail(Email email) {
        int before = adapters.mails().size();
        signIn.requestLink(email, FROM);
        List<Mail> sent = adapters.mails();
        assertEquals(before + 1, sent.size());
        Mail.SignInLink mail = (Mail.SignInLink) sent.get(sent.size() - 1);
        assertEquals(email, mail.to());
        return mail.token();
    }

    @Test
    void requestingALinkStoresOnlyItsHashMailsTheTokenAndCreatesNoUser() {
        Secret token = requestAndReadMail(JANE);

        MagicLink stored = adapters.magicLinks.all().get(0);
        assertTrue(stored.hash().matches(token));
        assertEquals(JANE, stored.email());
        assertEquals(FROM, stored.requester());
        assertEquals(adapters.clock.now().plus(Duration.ofMinutes(30)), stored.expiresAt());
        assertTrue(adapters.users.byEmail(JANE).isEmpty(), "the user is created on first verify, not before");
    }

    @Test
    void mailIsSentAfterTheTransactionNeverInsideIt() {
        requestAndReadMail(JANE);
        assertEquals(List.of(), adapters.mailer.sentInsideATransaction());
    }

    @Test
    void aMailThatCannotBeSentYetIsKeptAndSentOnceTheMailerRecovers() {
        adapters.mailer.fail(true);

        signIn.requestLink(JANE, FROM);
        assertEquals(List.of(), adapters.mails(), "the first attempt failed");
        assertEquals(1, adapters.outbox.counts().pending(), "and the mail waits in the outbox");

        adapters.mailer.fail(false);
        adapters.clock.advance(Duration.ofMinutes(1));
        List<Mail> sent = adapters.mails();

        assertEquals(1, sent.size());
        assertEquals(JANE, sent.get(0).to());
        Secret token = ((Mail.SignInLink) sent.get(0)).token();
        assertTrue(adapters.magicLinks.all().get(0).hash().matches(token), "the very link that was stored");
    }

    @Test
    void aSignInMailWakesTheOutboxWorkersOfEveryInstance() {
        signIn.requestLink(JANE, FROM);

        assertTrue(adapters.changeBus.announcements().contains(new ChangeBus.OutboxFilled()));
    }

    @Test
    void verifyingCreatesTheUserAndABearerThatAuthenticatesThem() {
        Secret token = requestAndReadMail(JANE);

        SignedIn signedIn = signIn.verify(token, Optional.of(DeviceLabel.of("Jane's phone")));

        assertEquals(JANE, signedIn.user().email());
        assertEquals(Optional.of(adapters.clock.now()), signedIn.user().lastSeenAt(), "signing in is being seen");
        assertEquals(Optional.of(signedIn.user()), adapters.users.byEmail(JANE));
        assertEquals(signedIn.user().id(), authenticate.authenticate(signedIn.bearer()));
        BearerToken stored = adapters.bearerTokens.all().get(0);
        assertTrue(stored.hash().matches(signedIn.bearer()));
        assertEquals(Optional.of(DeviceLabel.of("Jane's phone")), stored.deviceLabel());
        assertNotEquals(token, signedIn.bearer());
    }

    @Test
    void aKnownAddressSignsInAsTheSameUser() {
        User existing = adapters.users.addOrGet(User.register(UserId.random(), JANE, adapters.clock.now()));
        SignedIn signedIn = signIn.verify(requestAndReadMail(JANE), Optional.empty());
        assertEquals(existing.id(), signedIn.user().id());
    }

    @Test
    void aLinkWorksOnce() {
        Secret token = requestAndReadMail(JANE);
        signIn.verify(token, Optional.empty());

        Gone again = assertThrows(Gone.class, () -> signIn.verify(token, Optional.empty()));
        assertEquals("gone", again.errorCode());
        assertEquals(1, adapters.bearerTokens.all().size());
    }

    @Test
    void aLinkExpiresThirtyMinutesAfterItWasRequested() {
        Secret early = requestAndReadMail(JANE);
        Secret late = requestAndReadMail(JANE);
        adapters.clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        signIn.verify(early, Optional.empty());

        adapters.clock.advance(Duration.ofSeconds(1));
        assertThrows(Gone.class, () -> signIn.verify(late, Optional.empty()));
        assertTrue(adapters.magicLinks.all().stream().filter(l -> l.hash().matches(late)).allMatch(l -> l.consumedAt().isEmpty()),
                "a refused link is not marked used");
    }

    @Test
    void anUnknownTokenIsNotFound() {
        assertThrows(NotFound.class, () -> signIn.verify(Secret.generate(new SecureRandom()), Optional.empty()));
        assertTrue(adapters.users.byEmail(JANE).isEmpty());
    }

    @Test
    void twoRacingVerificationsOfOneTokenGiveExactlyOneBearer() throws Exception {
        for (int round = 0; round < 20; round++) {
            Secret token = requestAndReadMail(Email.of("racer" + round + "@example.org"));
            int racers = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<Future<SignedIn>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return signIn.verify(token, Optional.empty());
                    }));
                }
                start.countDown();
                int winners = 0;
                int gone = 0;
                for (Future<SignedIn> result : results) {
                    try {
                        result.get();
                        winners++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertTrue(e.getCause() instanceof Gone, "losers are told the link is used: " + e.getCause());
                        gone++;
                    }
                }
                assertEquals(1, winners);
                assertEquals(racers - 1, gone);
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(20, adapters.bearerTokens.all().size());
    }

    @Test
    void signingOutRevokesThatBearerOnly() {
        SignedIn phone = signIn.verify(requestAndReadMail(JANE), Optional.empty());
        SignedIn laptop = signIn.verify(requestAndReadMail(JANE), Optional.empty());

        signIn.signOut(phone.bearer());

        assertThrows(Unauthenticated.class, () -> authenticate.authenticate(phone.bearer()));
        assertEquals(laptop.user().id(), authenticate.authenticate(laptop.bearer()));
    }

    @Test
    void signingOutWithAnUnknownBearerChangesNothing() {
        SignedIn phone = signIn.verify(requestAndReadMail(JANE), Optional.empty());
        signIn.signOut(Secret.generate(new SecureRandom()));
        assertEquals(phone.user().id(), authenticate.authenticate(phone.bearer()));
    }
}
