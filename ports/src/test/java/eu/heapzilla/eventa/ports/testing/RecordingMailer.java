package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.MailNotSent;
import eu.heapzilla.eventa.ports.out.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Mailer} that keeps what it was given, notes whether a transaction was open at the
 * time (it never should be), and can be told to fail.
 */
public final class RecordingMailer implements Mailer {

    private final InMemoryTransactions transactions;
    private final List<Mail> sent = new CopyOnWriteArrayList<>();
    private final List<Mail> sentInsideATransaction = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    public RecordingMailer(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void send(Mail mail) {
        if (transactions.active()) {
            sentInsideATransaction.add(mail);
        }
        if (failing) {
            throw new MailNotSent("the test mailer is failing", true, null);
        }
        sent.add(mail);
    }

    public List<Mail> sent() {
        return List.copyOf(sent);
    }

    public List<Mail> sentInsideATransaction() {
        return List.copyOf(sentInsideATransaction);
    }

    public void fail(boolean failing) {
        this.failing = failing;
    }
}
