package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.out.Mail;
import java.security.SecureRandom;
import java.time.Instant;

/** Mails to send in tests. */
final class TestMails {

    static final Instant EXPIRES_AT = Instant.parse("2026-11-21T10:45:00Z");
    static final Instant INVITE_EXPIRES_AT = Instant.parse("2026-11-28T09:05:00Z");
    static final String BASE_URL = "http://localhost:8080";
    static final String FROM = "eventa <hi@example.com>";
    static final String INVITER = "Gerda";
    static final String EVENT_TITLE = "Jane & Tom's wedding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestMails() {
    }

    static Mail.SignInLink signIn(String to) {
        return new Mail.SignInLink(Email.of(to), Secret.generate(RANDOM), EXPIRES_AT);
    }

    static Mail.SignInLink signIn() {
        return signIn("ann@example.com");
    }

    /** An invitation to ann@example.com; the title and the inviter's name go in as they are. */
    static Mail.Invitation invitation(String inviter, String eventTitle, Role role) {
        return new Mail.Invitation(Email.of("ann@example.com"), Secret.generate(RANDOM), new DisplayName(inviter),
                eventTitle, role, INVITE_EXPIRES_AT);
    }

    /** Gerda invites ann@example.com to edit "Jane & Tom's wedding". */
    static Mail.Invitation invitation() {
        return invitation(INVITER, EVENT_TITLE, Role.EDITOR);
    }

    static String token(Mail.SignInLink mail) {
        return mail.token().reveal();
    }

    static String token(Mail.Invitation mail) {
        return mail.token().reveal();
    }
}
