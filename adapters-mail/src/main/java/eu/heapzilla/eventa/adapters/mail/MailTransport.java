package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.ports.out.Mail;

/**
 * One way mail leaves the server (Resend, or files for development), making one attempt per
 * call. Every attempt at one mail carries the same {@code deliveryKey}, so a provider can
 * recognise a repeat (Resend's idempotency key) and a file or header can name the delivery.
 */
@FunctionalInterface
interface MailTransport {

    /**
     * Makes one attempt; throws rather than returns when the mail did not go.
     *
     * @throws eu.heapzilla.eventa.ports.out.MailNotSent when it did not go; {@code retryable()}
     *     says whether another attempt may help
     */
    void send(Mail mail, String deliveryKey);
}
