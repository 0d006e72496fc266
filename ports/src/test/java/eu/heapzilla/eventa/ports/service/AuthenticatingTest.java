package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.error.Unauthenticated;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.Authenticate;
import eu.heapzilla.eventa.ports.in.SignIn.SignedIn;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatingTest {

    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final UseCases useCases = adapters.useCases();
    private final Authenticate authenticate = useCases.authenticate();

    private SignedIn signedIn() {
        useCases.signIn().requestLink(Email.of("gerda@example.org"), new ClientAddress("127.0.0.1"));
        Mail.SignInLink mail = (Mail.SignInLink) adapters.mails().get(0);
        return useCases.signIn().verify(mail.token(), Optional.empty());
    }

    @Test
    void anUnknownBearerIsRefused() {
        Unauthenticated e = assertThrows(Unauthenticated.class, () -> authenticate.authenticate(Secret.generate(new SecureRandom())));
        assertEquals("auth_error", e.errorCode());
    }

    @Test
    void recordsUseAtMostOncePerMinuteOnTheBearerAndTheUser() {
        SignedIn signedIn = signedIn();
        Instant issued = adapters.clock.now();

        adapters.clock.advance(Duration.ofSeconds(59));
        authenticate.authenticate(signedIn.bearer());
        assertEquals(issued, adapters.bearerTokens.all().get(0).lastUsedAt());

        adapters.clock.advance(Duration.ofSeconds(1));
        authenticate.authenticate(signedIn.bearer());
        Instant seen = adapters.clock.now();
        assertEquals(seen, adapters.bearerTokens.all().get(0).lastUsedAt());
        assertEquals(Optional.of(seen), adapters.users.byId(signedIn.user().id()).orElseThrow().lastSeenAt());
    }
}
