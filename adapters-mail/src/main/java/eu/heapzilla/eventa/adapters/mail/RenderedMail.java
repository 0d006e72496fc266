package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.domain.member.Email;
import java.util.Objects;

/** A mail as it is sent: one recipient, a subject, and the same message as plain text and HTML. */
record RenderedMail(Email to, String subject, String text, String html) {

    RenderedMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
