package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import eu.heapzilla.eventa.ports.out.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Mailer} that keeps what it was given (with each delivery key), notes whether a
 * transaction was open at the time (it never should be), and can be told to fail.
 */
public final class RecordingMailer implements Mailer {

    /** One accepted mail and the key its delivery carried. */
    public record Sent(Mail mail, String deliveryKey) {
    }

    private final InMemoryTransactions transactions;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Mail> sentInsideATransaction = new CopyOnWriteArrayList<>();
    private volatile MailNotSent failure;

    public RecordingMailer(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void send(Mail mail, String deliveryKey) {
        if (transactions.active()) {
            sentInsideATransaction.add(mail);
        }
        MailNotSent failing = failure;
        if (failing != null) {
            throw failing;
        }
        sent.add(new Sent(mail, deliveryKey));
    }

    @Override
    public String description() {
        return "recording mailer (tests)";
    }

    public List<Mail> sent() {
        return sent.stream().map(Sent::mail).toList();
    }

    public List<Sent> deliveries() {
        return List.copyOf(sent);
    }

    public List<Mail> sentInsideATransaction() {
        return List.copyOf(sentInsideATransaction);
    }

    /** Makes every attempt fail, retryably, until told otherwise. */
    public void fail(boolean failing) {
        failWith(failing ? new MailNotSent("the test mailer is failing", true, null) : null);
    }

    /** Makes every attempt throw {@code failure}; {@code null} lets mail through again. */
    public void failWith(MailNotSent failure) {
        this.failure = failure;
    }
}
