package eu.heapzilla.eventa.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentMailerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:00Z");

    @TempDir
    Path temp;

    private DevelopmentMailer mailer(Path dir, String baseUrl) {
        return new DevelopmentMailer(dir, TestMails.FROM, new MailTemplates(baseUrl), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void writes_a_mail_that_parses_back_with_headers_and_both_parts() throws Exception {
        Path dir = temp.resolve("mail"); // does not exist yet
        Mail.SignInLink mail = TestMails.signIn();
        String link = TestMails.BASE_URL + "/verify?token=" + TestMails.token(mail);

        mailer(dir, TestMails.BASE_URL).send(mail, "eventa-outbox-17");

        Path file = onlyFile(dir);
        assertEquals("20261121T101500Z-sign-in-eventa-outbox-17.eml", file.getFileName().toString());
        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertEquals(List.of(new InternetAddress("hi@example.com", "eventa")), List.of(message.getFrom()));
        assertEquals("ann@example.com", ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        assertEquals("Sign in to eventa", message.getSubject());
        assertEquals(NOW, message.getSentDate().toInstant());
        assertEquals("<eventa-outbox-17@example.com>", message.getMessageID());
        assertArrayEquals(new String[] {"1.0"}, message.getHeader("MIME-Version"));
        assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());

        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertEquals(2, parts.getCount());
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        assertTrue(text.getContentType().toLowerCase().contains("charset=utf-8"), text.getContentType());
        assertTrue(html.getContentType().toLowerCase().contains("charset=utf-8"), html.getContentType());
        assertTrue(((String) text.getContent()).lines().anyMatch(link::equals), (String) text.getContent());
        assertTrue(((String) html.getContent()).contains("href=\"" + link + "\""));
    }

    @Test
    void the_link_can_be_copied_from_the_file_in_a_text_editor() throws Exception {
        Path dir = temp.resolve("mail");
        Mail.SignInLink mail = TestMails.signIn();

        mailer(dir, TestMails.BASE_URL).send(mail, "d1");

        String raw = Files.readString(onlyFile(dir), StandardCharsets.UTF_8);
        String link = TestMails.BASE_URL + "/verify?token=" + TestMails.token(mail);
        assertTrue(raw.lines().anyMatch(link::equals), "the link stands whole on a line:\n" + raw);
        assertEquals(2, raw.lines().filter("Content-Transfer-Encoding: 7bit"::equals).count(), raw);
        assertFalse(raw.contains("quoted-printable") || raw.contains("base64"), raw);
        assertTrue(raw.lines().allMatch(line -> line.length() <= 998), "RFC 5322 line length");
    }

    @Test
    void text_outside_ascii_is_written_as_8bit_not_quoted_printable() throws Exception {
        Path dir = temp.resolve("mail");

        mailer(dir, "http://bücher.example").send(TestMails.signIn(), "d1");

        String raw = Files.readString(onlyFile(dir), StandardCharsets.UTF_8);
        assertTrue(raw.contains("\r\nContent-Transfer-Encoding: 8bit\r\n"), raw);
        assertTrue(raw.contains("http://bücher.example/verify?token="), raw);
    }

    @Test
    void logs_where_the_mail_is_but_never_the_token_or_link() throws Exception {
        Path dir = temp.resolve("mail");
        Mail.SignInLink mail = TestMails.signIn();

        try (CapturedLogs logs = CapturedLogs.mail()) {
            mailer(dir, TestMails.BASE_URL).send(mail, "d1");

            Path file = onlyFile(dir);
            List<ILoggingEvent> events = logs.events();
            assertEquals(1, events.size(), logs.everything());
            assertEquals(Level.INFO, events.get(0).getLevel());
            String line = events.get(0).getFormattedMessage();
            assertTrue(line.contains(file.toUri().toString()), line);
            assertTrue(line.startsWith("file:") || line.contains(" file:/"), line);
            assertTrue(line.contains("ann@example.com"), line);
            assertTrue(line.contains("Sign in to eventa"), line);
            assertFalse(logs.everything().contains(TestMails.token(mail)), logs.everything());
            assertFalse(logs.everything().contains("verify?token"), logs.everything());
        }
    }

    @Test
    void writes_an_invitation_with_the_invite_link_and_logs_where_it_is_but_never_the_token() throws Exception {
        Path dir = temp.resolve("mail");
        Mail.Invitation mail = TestMails.invitation();
        String token = TestMails.token(mail);
        String link = TestMails.BASE_URL + "/invite?token=" + token;

        try (CapturedLogs logs = CapturedLogs.mail()) {
            mailer(dir, TestMails.BASE_URL).send(mail, "eventa-outbox-18");

            Path file = onlyFile(dir);
            assertEquals("20261121T101500Z-invite-eventa-outbox-18.eml", file.getFileName().toString());
            MimeMessage message;
            try (InputStream in = Files.newInputStream(file)) {
                message = new MimeMessage(Session.getInstance(new Properties()), in);
            }
            assertEquals("ann@example.com", ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            assertEquals("Gerda invited you to plan \"Jane & Tom's wedding\"", message.getSubject());
            MimeMultipart parts = (MimeMultipart) message.getContent();
            String text = (String) parts.getBodyPart(0).getContent();
            String html = (String) parts.getBodyPart(1).getContent();
            assertTrue(text.lines().anyMatch(link::equals), text);
            assertTrue(text.lines().anyMatch(("eventa://invite?token=" + token)::equals), text);
            assertTrue(html.contains("href=\"" + link + "\""), html);
            assertTrue(Files.readString(file, StandardCharsets.UTF_8).lines().anyMatch(link::equals),
                    "the link stands whole on a line of the file");

            List<ILoggingEvent> events = logs.events();
            assertEquals(1, events.size(), logs.everything());
            assertEquals(Level.INFO, events.get(0).getLevel());
            String line = events.get(0).getFormattedMessage();
            assertTrue(line.contains(file.toUri().toString()), line);
            assertTrue(line.contains("ann@example.com"), line);
            assertTrue(line.contains("Gerda invited you to plan \"Jane & Tom's wedding\""), line);
            assertTrue(logs.everything().contains("mail_kind=invite"), logs.everything());
            assertFalse(logs.everything().contains(token), logs.everything());
            assertFalse(logs.everything().contains("invite?token"), logs.everything());
        }
    }

    @Test
    void a_title_with_line_breaks_adds_no_header_and_no_log_line() throws Exception {
        Path dir = temp.resolve("mail");
        Mail.Invitation mail = TestMails.invitation("Gerda", "Party\r\nBcc: eve@example.com\r\n\r\nhello", Role.EDITOR);

        try (CapturedLogs logs = CapturedLogs.mail()) {
            mailer(dir, TestMails.BASE_URL).send(mail, "d1");

            assertEquals(1, logs.events().size(), logs.everything());
            assertFalse(logs.events().get(0).getFormattedMessage().contains("\n"), logs.everything());
        }
        MimeMessage message;
        try (InputStream in = Files.newInputStream(onlyFile(dir))) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertEquals("Gerda invited you to plan \"Party Bcc: eve@example.com hello\"", message.getSubject());
        assertEquals(null, message.getHeader("Bcc"));
        assertEquals(1, message.getAllRecipients().length);
    }

    @Test
    void a_cut_title_in_the_subject_is_written_as_an_encoded_word() throws Exception {
        Path dir = temp.resolve("mail");
        String title = "A summer party for everyone who ever lived on Linden Street, with music";
        Mail.Invitation mail = TestMails.invitation("Gerda", title, Role.VIEWER);

        mailer(dir, TestMails.BASE_URL).send(mail, "d1");

        MimeMessage message;
        try (InputStream in = Files.newInputStream(onlyFile(dir))) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertEquals("Gerda invited you to follow \"A summer party for everyone who ever lived on Linden Street\u2026\"",
                message.getSubject());
        assertTrue(message.getHeader("Subject")[0].contains("=?UTF-8?"), message.getHeader("Subject")[0]);
    }

    @Test
    void leaves_no_temporary_file_behind_and_keeps_the_file_private() throws Exception {
        Path dir = temp.resolve("mail");
        DevelopmentMailer mailer = mailer(dir, TestMails.BASE_URL);

        mailer.send(TestMails.signIn(), "eventa-outbox-1");
        mailer.send(TestMails.signIn(), "eventa-outbox-2");

        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("20261121T101500Z-sign-in-eventa-outbox-1.eml",
                    "20261121T101500Z-sign-in-eventa-outbox-2.eml"), names, "two mails in one second, two files");
        }
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("20261121T101500Z-sign-in-eventa-outbox-1.eml"))));
        }
    }

    @Test
    void a_directory_it_cannot_write_to_is_a_retryable_failure() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("in-the-way"), "a file where the directory should be");
        Mail.SignInLink mail = TestMails.signIn();

        MailNotSent failure = assertThrows(MailNotSent.class, () -> mailer(notADirectory, TestMails.BASE_URL).send(mail, "d1"));

        assertTrue(failure.retryable());
        assertTrue(failure.getMessage().contains("sign-in mail to ann@example.com"), failure.getMessage());
        assertNotNull(failure.getCause());
    }

    private static Path onlyFile(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
