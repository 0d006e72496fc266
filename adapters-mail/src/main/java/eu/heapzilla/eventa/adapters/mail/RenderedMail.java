package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.domain.member.Email;
import java.util.Objects;

/**
 * A mail as it is sent: one recipient, a subject, and the same message as plain text and HTML.
 * The subject is one line: no control character (CR and LF above all) can end the header it goes
 * into.
 */
record RenderedMail(Email to, String subject, String text, String html) {

    RenderedMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (subject.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw new IllegalArgumentException("a mail subject must be one line without control characters");
        }
    }
}
