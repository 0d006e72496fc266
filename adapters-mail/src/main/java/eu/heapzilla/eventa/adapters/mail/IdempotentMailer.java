package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.out.Mailer;
import java.util.UUID;

/**
 * Makes one attempt at delivering a mail, told which delivery the attempt belongs to: every
 * retry of one mail carries the same {@code deliveryId}, so a provider can recognise a repeat
 * (Resend's idempotency key) and a file or header can name the delivery.
 */
@FunctionalInterface
interface IdempotentMailer extends Mailer {

    /**
     * Makes one attempt; throws rather than returns when the mail did not go.
     *
     * @throws eu.heapzilla.eventa.ports.out.MailNotSent when it did not go; {@code retryable()}
     *     says whether another attempt may help
     */
    void send(Mail mail, String deliveryId);

    /** A single attempt that is a delivery of its own. */
    @Override
    default void send(Mail mail) {
        send(mail, UUID.randomUUID().toString());
    }
}
