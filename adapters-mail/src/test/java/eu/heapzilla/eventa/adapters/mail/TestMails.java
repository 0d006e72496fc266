package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.out.Mail;
import java.security.SecureRandom;
import java.time.Instant;

/** Mails to send in tests. */
final class TestMails {

    static final Instant EXPIRES_AT = Instant.parse("2026-11-21T10:45:00Z");
    static final String BASE_URL = "http://localhost:8080";
    static final String FROM = "eventa <hi@example.com>";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestMails() {
    }

    static Mail.SignInLink signIn(String to) {
        return new Mail.SignInLink(Email.of(to), Secret.generate(RANDOM), EXPIRES_AT);
    }

    static Mail.SignInLink signIn() {
        return signIn("ann@example.com");
    }

    static String token(Mail.SignInLink mail) {
        return mail.token().reveal();
    }
}
