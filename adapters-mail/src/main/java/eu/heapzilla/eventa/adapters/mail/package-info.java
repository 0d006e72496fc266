/**
 * Outgoing mail: the {@code Mailer} out-port, with HTML and plain-text templates branded
 * eventa.
 *
 * <p>{@link eu.heapzilla.eventa.adapters.mail.MailDelivery} is the one public door: given
 * {@link eu.heapzilla.eventa.adapters.mail.MailSettings} it picks how mail leaves the server
 * and hands out a {@code Mailer} that returns at once and delivers in the background,
 * retrying with backoff when the provider is down or busy.
 * <ul>
 *   <li>With {@code RESEND_API_KEY} set, mail goes through Resend (its Java SDK), with one
 *       idempotency key per mail, so a retry never sends twice what Resend already took.</li>
 *   <li>Without it, the development mailer writes each message as an {@code .eml} file (open it
 *       in a mail client, or a text editor, and follow the link) and logs where it is. The log
 *       line never carries the link or its token.</li>
 * </ul>
 *
 * <p>Everything else in this package is package-private: the core sees only {@code Mailer}.
 */
package eu.heapzilla.eventa.adapters.mail;
