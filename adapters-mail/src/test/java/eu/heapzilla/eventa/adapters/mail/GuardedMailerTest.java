package eu.heapzilla.eventa.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardedMailerTest {

    @Test
    void a_delivered_mail_reaches_the_transport_with_its_key() {
        List<String> keys = new ArrayList<>();
        GuardedMailer mailer = new GuardedMailer((mail, key) -> keys.add(key), "test");

        mailer.send(TestMails.signIn(), "eventa-outbox-3");

        assertEquals(List.of("eventa-outbox-3"), keys);
    }

    @Test
    void a_sign_in_token_in_a_failure_never_reaches_the_reason() {
        Mail.SignInLink mail = TestMails.signIn();
        String token = TestMails.token(mail);
        GuardedMailer mailer = new GuardedMailer((m, key) -> {
            throw new IllegalStateException("could not post http://x/verify?token=" + token,
                    new RuntimeException("body was ..." + token + "..."));
        }, "test");

        MailNotSent failed = assertThrows(MailNotSent.class, () -> mailer.send(mail, "k"));

        assertTrue(failed.retryable(), "something unexpected may pass");
        assertTrue(failed.getMessage().contains("verify?token=[redacted]"), failed.getMessage());
        assertTrue(failed.getMessage().contains("<- RuntimeException: body was ...[redacted]..."), failed.getMessage());
        assertFalse(failed.getMessage().contains(token), failed.getMessage());
        assertNull(failed.getCause(), "a cause's message could carry the token");
    }

    @Test
    void an_invitation_token_in_a_failure_never_reaches_the_reason() {
        Mail.Invitation mail = TestMails.invitation();
        String token = TestMails.token(mail);
        GuardedMailer mailer = new GuardedMailer((m, key) -> {
            throw new MailNotSent("could not post http://x/invite?token=" + token, false, Optional.of(Duration.ofSeconds(3)), null);
        }, "test");

        MailNotSent failed = assertThrows(MailNotSent.class, () -> mailer.send(mail, "k"));

        assertEquals("the invite mail to ann@example.com did not go: could not post http://x/invite?token=[redacted]",
                failed.getMessage());
        assertFalse(failed.retryable(), "the transport's verdict stands");
        assertEquals(Optional.of(Duration.ofSeconds(3)), failed.retryAfter());
    }
}
