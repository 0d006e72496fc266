/**
 * Outgoing mail: the {@code Mailer} out-port on Resend Java, with HTML and plain-text
 * templates branded eventa, and a development mailer (used without {@code RESEND_API_KEY})
 * that writes each message as an {@code .eml} file and says where in the log.
 *
 * <p>The module exists from the first build so that the dependency rules cover it; the
 * mailers arrive with magic-link sign-in.
 */
package eu.heapzilla.eventa.adapters.mail;
