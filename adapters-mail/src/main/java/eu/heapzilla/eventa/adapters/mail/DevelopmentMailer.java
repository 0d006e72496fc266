package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used without {@code RESEND_API_KEY}: writes each mail as an RFC 5322 {@code .eml} file
 * (multipart/alternative, plain text and HTML, UTF-8) and says in the log where it went, so a
 * person running eventa locally can open it and follow the link. The log line names the
 * recipient, the subject and the file, never the link: the link carries a token that signs in.
 *
 * <p>Files are named for the time, the kind and the delivery, such as
 * {@code 20261121T101500Z-sign-in-eventa-outbox-17.eml} or {@code 20261121T101500Z-invite-eventa-outbox-18.eml};
 * each is written to a temporary file and moved into place, so a reader never sees half a
 * message; on a POSIX file system they are readable by their owner only. Both parts are 7bit
 * when they are ASCII (the HTML always is) and 8bit otherwise, never quoted-printable or base64:
 * a link stays whole on its line in a text editor too.
 */
final class DevelopmentMailer implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger("eventa.mail");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** RFC 5322 section 2.1.1: no line longer than 998 characters, CRLF excluded. */
    private static final int LONGEST_LINE = 998;

    private final Path dir;
    private final InternetAddress from;
    private final MailTemplates templates;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    DevelopmentMailer(Path dir, String from, MailTemplates templates, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.from = address(from);
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Path dir() {
        return dir;
    }

    @Override
    public void send(Mail mail, String deliveryId) {
        RenderedMail rendered = templates.render(mail);
        Instant now = clock.instant();
        String kind = MailTemplates.kind(mail);
        Path file = dir.resolve(STAMP.format(now) + "-" + kind + "-" + fileId(deliveryId) + ".eml");
        try {
            byte[] message = mime(rendered, now, deliveryId);
            Files.createDirectories(dir);
            writeAtomically(file, message);
        } catch (IOException | MessagingException e) {
            throw new MailNotSent("could not write the " + MailTemplates.describe(mail) + " to " + dir + ": " + e, true, e);
        }
        log.atInfo()
                .addKeyValue("mail_kind", kind)
                .addKeyValue("mail_file", file.toUri().toString())
                .log("Development mailer: \"{}\" for {} is in {} (not sent: no RESEND_API_KEY)",
                        rendered.subject(), rendered.to().value(), file.toUri());
    }

    private byte[] mime(RenderedMail rendered, Instant now, String deliveryId) throws MessagingException, IOException {
        String messageId = "<" + safe(deliveryId) + "@" + domainOf(from) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the default would look up this machine's name
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(rendered.to().value()));
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        message.setContent(new MimeMultipart("alternative", part(rendered.text(), "plain"), part(rendered.html(), "html")));
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        message.writeTo(out);
        return out.toByteArray();
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        String crlf = content.replace("\r\n", "\n").replace("\n", "\r\n");
        MimeBodyPart part = new MimeBodyPart();
        part.setText(crlf, StandardCharsets.UTF_8.name(), subtype);
        String encoding = readableEncoding(crlf);
        if (encoding != null) {
            part.setHeader("Content-Transfer-Encoding", encoding); // after setText, which clears it
        }
        return part;
    }

    /** 7bit or 8bit when every line is short enough; otherwise the library chooses. */
    static String readableEncoding(String content) {
        boolean ascii = true;
        for (String line : content.split("\r\n", -1)) {
            if (line.length() > LONGEST_LINE) {
                return null;
            }
            for (int i = 0; i < line.length() && ascii; i++) {
                char c = line.charAt(i);
                ascii = c < 0x80 && c != '\r' && c != '\n' && c != 0;
            }
        }
        return ascii ? "7bit" : "8bit";
    }

    private void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The whole delivery key, made safe for a file name: two deliveries never share a file. */
    private static String fileId(String deliveryId) {
        String safe = safe(deliveryId).toLowerCase(Locale.ROOT);
        return safe.length() <= 64 ? safe : safe.substring(0, 64);
    }

    private static String safe(String deliveryId) {
        String safe = deliveryId.replaceAll("[^A-Za-z0-9.-]", "");
        return safe.isEmpty() ? "mail" : safe;
    }

    private static String domainOf(InternetAddress address) {
        String value = address.getAddress();
        int at = value.lastIndexOf('@');
        return at < 0 ? "eventa.invalid" : value.substring(at + 1);
    }

    private static InternetAddress address(String from) {
        try {
            InternetAddress parsed = new InternetAddress(Objects.requireNonNull(from, "from"), true);
            // Re-made so that a name outside ASCII is written as an encoded word.
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("mail sender '" + from + "' is not a valid address", e);
        }
    }
}
