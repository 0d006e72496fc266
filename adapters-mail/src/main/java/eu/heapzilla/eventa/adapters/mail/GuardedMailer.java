package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import eu.heapzilla.eventa.ports.out.Mailer;
import java.util.Objects;

/**
 * The {@link Mailer} the core gets: a {@link MailTransport} whose every failure comes out as a
 * {@link MailNotSent} with a one-line reason that names no secret the mail carries. The core
 * records and logs that reason, so a sign-in token in an exception message (a URL in an I/O
 * error, an echoed request body) must not survive; causes are dropped for the same reason.
 * Anything unexpected is taken as passing (retryable); a kind of mail without a template is not.
 */
final class GuardedMailer implements Mailer {

    private static final int LONGEST_REASON = 500;

    private final MailTransport transport;
    private final String description;

    GuardedMailer(MailTransport transport, String description) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public void send(Mail mail, String deliveryKey) {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        try {
            MailTemplates.kind(mail);
        } catch (IllegalArgumentException unknownKind) {
            throw new MailNotSent(unknownKind.getMessage(), false, null);
        }
        try {
            transport.send(mail, deliveryKey);
        } catch (MailNotSent failed) {
            throw new MailNotSent(reason(mail, failed), failed.retryable(), failed.retryAfter(), null);
        } catch (RuntimeException unexpected) {
            throw new MailNotSent(reason(mail, unexpected), true, null);
        }
    }

    @Override
    public String description() {
        return description;
    }

    /** The failure and its causes in one line, without any secret the mail carries. */
    static String reason(Mail mail, Throwable failure) {
        StringBuilder text = new StringBuilder("the ").append(MailTemplates.describe(mail)).append(" did not go: ");
        int start = text.length();
        for (Throwable t = failure; t != null && text.length() < start + LONGEST_REASON; t = t.getCause()) {
            if (t != failure && failure instanceof MailNotSent) {
                break; // our own messages already say what the cause was
            }
            if (text.length() > start) {
                text.append(" <- ");
            }
            if (!(t instanceof MailNotSent)) {
                text.append(t.getClass().getSimpleName()).append(": ");
            }
            text.append(t.getMessage());
        }
        String line = text.toString().replaceAll("\\s+", " ").strip();
        for (String secret : MailTemplates.secrets(mail)) {
            line = line.replace(secret, "[redacted]");
        }
        return line.length() <= LONGEST_REASON ? line : line.substring(0, LONGEST_REASON) + "...";
    }
}
