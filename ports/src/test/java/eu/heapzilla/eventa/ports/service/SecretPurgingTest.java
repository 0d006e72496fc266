package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.PurgeExpiredSecrets.Purged;
import eu.heapzilla.eventa.ports.in.SignIn.SignedIn;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretPurgingTest {

    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final UseCases useCases = adapters.useCases();

    @Test
    void forgetsLinksAndRevokedBearersADayAfterTheyStoppedWorking() {
        ClientAddress from = new ClientAddress("127.0.0.1");
        useCases.signIn().requestLink(Email.of("a@example.org"), from);
        SignedIn signedIn = useCases.signIn().verify(((Mail.SignInLink) adapters.mails().get(0)).token(), Optional.empty());
        SignedIn kept = useCases.signIn().verify(issue(Email.of("b@example.org"), from), Optional.empty());
        useCases.signIn().signOut(signedIn.bearer());

        adapters.clock.advance(Duration.ofDays(1));
        assertEquals(new Purged(0, 0), useCases.purgeExpiredSecrets().purge(), "not yet a day past expiry");

        adapters.clock.advance(Duration.ofMinutes(31));
        assertEquals(new Purged(2, 1), useCases.purgeExpiredSecrets().purge());
        assertEquals(1, adapters.bearerTokens.all().size());
        assertEquals(kept.user().id(), useCases.authenticate().authenticate(kept.bearer()));
    }

    private eu.heapzilla.eventa.domain.access.Secret issue(Email email, ClientAddress from) {
        useCases.signIn().requestLink(email, from);
        return ((Mail.SignInLink) adapters.mails().get(adapters.mails().size() - 1)).token();
    }
}
