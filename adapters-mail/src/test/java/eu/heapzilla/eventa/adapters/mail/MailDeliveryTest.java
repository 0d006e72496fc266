package eu.heapzilla.eventa.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailDeliveryTest {

    @TempDir
    Path temp;

    @Test
    void without_an_api_key_mail_is_written_to_the_development_mail_dir() throws Exception {
        Path dir = temp.resolve("mail");
        MailSettings settings = new MailSettings(Optional.empty(), TestMails.FROM, TestMails.BASE_URL, dir);
        Mail.SignInLink mail = TestMails.signIn();
        MailDelivery delivery = MailDelivery.start(settings);
        assertEquals("development mailer: mails are written to " + dir.toAbsolutePath() + " (no RESEND_API_KEY)",
                delivery.description());

        delivery.mailer().send(mail, "outbox-1");

        assertEquals(1, emlFiles(dir).size(), "written before send returns");
        String raw = Files.readString(emlFiles(dir).get(0));
        assertTrue(raw.contains(TestMails.BASE_URL + "/verify?token=" + TestMails.token(mail)));
    }

    @Test
    void with_an_api_key_mail_goes_to_resend_with_the_delivery_key() throws Exception {
        MailSettings settings = new MailSettings(Optional.of("re_live_key"), TestMails.FROM, TestMails.BASE_URL,
                temp.resolve("unused"));

        try (FakeResend resend = new FakeResend()) {
            MailDelivery delivery = MailDelivery.start(settings, resend::httpClient);
            assertEquals("Resend, from eventa <hi@example.com>", delivery.description());

            delivery.mailer().send(TestMails.signIn(), "outbox-7");
            delivery.mailer().send(TestMails.signIn(), "outbox-7");

            assertEquals(2, resend.received().size());
            assertEquals("Bearer re_live_key", resend.received().get(0).header("Authorization"));
            assertEquals("eventa/sign-in/outbox-7", resend.received().get(0).header("Idempotency-Key"));
            assertEquals(resend.received().get(0).header("Idempotency-Key"),
                    resend.received().get(1).header("Idempotency-Key"), "a retry repeats the key");
        }
        assertFalse(Files.exists(temp.resolve("unused")), "nothing is written to disk when Resend sends");
    }

    @Test
    void a_refusal_comes_out_as_mail_not_sent_saying_whether_to_retry() throws Exception {
        MailSettings settings = new MailSettings(Optional.of("re_live_key"), TestMails.FROM, TestMails.BASE_URL, temp);

        try (FakeResend resend = new FakeResend()) {
            MailDelivery delivery = MailDelivery.start(settings, resend::httpClient);
            resend.answer(500, "{\"statusCode\":500,\"name\":\"internal_server_error\",\"message\":\"boom\"}");
            MailNotSent passing = assertThrows(MailNotSent.class,
                    () -> delivery.mailer().send(TestMails.signIn(), "outbox-8"));
            resend.answer(422, "{\"statusCode\":422,\"name\":\"validation_error\",\"message\":\"bad to\"}");
            MailNotSent lasting = assertThrows(MailNotSent.class,
                    () -> delivery.mailer().send(TestMails.signIn(), "outbox-9"));

            assertTrue(passing.retryable(), passing.getMessage());
            assertFalse(lasting.retryable(), lasting.getMessage());
            assertTrue(lasting.getMessage().startsWith("the sign-in mail to ann@example.com did not go: Resend answered 422"),
                    lasting.getMessage());
        }
    }

    @Test
    void the_public_start_picks_resend_for_a_key() {
        MailSettings settings = new MailSettings(Optional.of("re_live_key"), TestMails.FROM, TestMails.BASE_URL, temp);

        MailDelivery delivery = MailDelivery.start(settings);

        assertEquals("Resend, from eventa <hi@example.com>", delivery.description());
        assertFalse(delivery.description().contains("re_live_key"));
    }

    @Test
    void the_mailer_handed_out_is_only_the_port() {
        MailSettings settings = new MailSettings(Optional.empty(), TestMails.FROM, TestMails.BASE_URL, temp);

        assertFalse(Modifier.isPublic(MailDelivery.start(settings).mailer().getClass().getModifiers()));
    }

    @Test
    void settings_are_normalised_and_checked() {
        MailSettings settings = new MailSettings(Optional.of("  "), " hi@example.com ", "https://eventa.example.com/", Path.of("mail"));

        assertEquals(Optional.empty(), settings.resendApiKey(), "a blank key is no key");
        assertEquals("hi@example.com", settings.from());
        assertEquals("https://eventa.example.com", settings.baseUrl());
        assertTrue(settings.developmentMailDir().isAbsolute());

        assertThrows(IllegalArgumentException.class,
                () -> new MailSettings(Optional.empty(), "not an address", TestMails.BASE_URL, temp));
        assertThrows(IllegalArgumentException.class,
                () -> new MailSettings(Optional.empty(), TestMails.FROM, "localhost:8080", temp));
        assertThrows(IllegalArgumentException.class,
                () -> new MailSettings(Optional.empty(), TestMails.FROM, "http://localhost:8080/?a=b", temp));
    }

    @Test
    void settings_never_show_the_api_key() {
        MailSettings settings = new MailSettings(Optional.of("re_secret_key"), TestMails.FROM, TestMails.BASE_URL, temp);

        assertFalse(settings.toString().contains("re_secret_key"), settings.toString());
        assertTrue(settings.toString().contains("resendApiKey=[redacted]"), settings.toString());
    }

    private static List<Path> emlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml")).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
