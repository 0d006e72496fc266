package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import eu.heapzilla.eventa.ports.out.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the mails a test server sends, so the test can read the link as a person would. */
final class CapturingMailer implements Mailer {

    private final List<Mail> sent = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private volatile Runnable outbox = () -> { };

    @Override
    public void send(Mail mail, String deliveryKey) {
        if (refusing) {
            throw new MailNotSent("the test mailer refuses mail", true, null);
        }
        sent.add(mail);
    }

    @Override
    public String description() {
        return "capturing mailer (tests)";
    }

    /** Every read first runs {@code delivery}, which hands whatever the outbox holds to this mailer. */
    void deliveredBy(Runnable delivery) {
        this.outbox = delivery;
    }

    /** From now on, refuse every mail as a full delivery queue would. */
    void refuse(boolean refusing) {
        this.refusing = refusing;
    }

    List<Mail> sent() {
        outbox.run();
        return List.copyOf(sent);
    }

    /** The token of the last sign-in mail to {@code email}. */
    Secret lastTokenFor(String email) {
        List<Mail> sent = sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i) instanceof Mail.SignInLink link && link.to().value().equals(email)) {
                return link.token();
            }
        }
        throw new AssertionError("no sign-in mail to " + email + " among " + sent.size());
    }

    /** The token of the last invite mail to {@code email}. */
    Secret lastInviteTokenFor(String email) {
        return lastInvitationTo(email).token();
    }

    /** The last invite mail to {@code email}. */
    Mail.Invitation lastInvitationTo(String email) {
        List<Mail> sent = sent();
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i) instanceof Mail.Invitation invitation && invitation.to().value().equals(email)) {
                return invitation;
            }
        }
        throw new AssertionError("no invite mail to " + email + " among " + sent.size());
    }
}
