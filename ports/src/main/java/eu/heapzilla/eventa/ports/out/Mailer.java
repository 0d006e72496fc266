package eu.heapzilla.eventa.ports.out;

/**
 * Sends mail. The core calls it only after the transaction that decided to send has
 * committed, never inside one.
 */
public interface Mailer {

    /**
     * Hands {@code mail} over for delivery. An implementation either delivers before it
     * returns, or accepts the mail and takes on retrying it; it never drops one silently.
     *
     * @throws MailNotSent when the mail could not be delivered or accepted
     */
    void send(Mail mail);
}
