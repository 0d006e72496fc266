package eu.heapzilla.eventa.ports.out;

/**
 * Sends mail. The core calls it from the outbox worker, after the transaction that decided to
 * send has committed, never inside one; retrying is the outbox's business.
 */
public interface Mailer {

    /**
     * Makes one attempt at delivering {@code mail}. Every attempt at one mail carries the same
     * {@code deliveryKey}, so a provider that knows idempotency keys sends it once however often
     * it is asked.
     *
     * @throws MailNotSent when it did not go; {@code retryable()} says whether another attempt
     *     may help. Its message names no secret the mail carries.
     */
    void send(Mail mail, String deliveryKey);

    /** One line for the start-up log: where mail goes. Never shows a credential. */
    String description();
}
