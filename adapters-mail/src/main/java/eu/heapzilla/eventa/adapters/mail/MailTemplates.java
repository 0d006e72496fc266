package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.out.Mail;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each kind of {@link Mail} says, as plain text and as HTML, branded eventa.
 *
 * <p>Every kind is a {@link Letter}: a heading, a few paragraphs, one link (a button in HTML)
 * with its app deep link, how long the link works, and a closing notice. The layout around it,
 * {@link #TEXT_LAYOUT} and {@link #HTML_LAYOUT}, is shared; a kind only says its words.
 *
 * <p>Rendering is a pure function of the mail: a retry renders the very same message, which
 * Resend requires of a request that repeats an idempotency key. The HTML is self-contained
 * (inline styles, no images, fonts or stylesheets from elsewhere) and pure ASCII (anything else
 * is written as a character reference); every interpolated value is escaped. The text part keeps
 * each link on a line of its own, so it survives being copied from any mail client. A subject is
 * one line whatever a person typed (see {@link #oneLine}).
 *
 * <p>Java 17 has no pattern {@code switch}, so a new kind of mail is an {@code instanceof} branch
 * in {@link #render}, {@link #kind} and {@link #secrets}; {@code MailTemplatesTest} fails until the
 * new kind is known here.
 */
final class MailTemplates {

    static final String BRAND = "eventa";
    /** How much of an event's title a subject shows, in code points, ellipsis included. */
    static final int SUBJECT_TITLE_LENGTH = 60;
    /** How much of the inviter's name a subject shows, in code points, ellipsis included. */
    static final int SUBJECT_NAME_LENGTH = 40;

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("HH:mm 'UTC on' d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    /** Control characters (CR, LF, tab, NEL, ...), line and paragraph separators, and spaces. */
    private static final Pattern BREAKS_AND_SPACES = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\p{Zs}]+");
    private static final String ELLIPSIS = "\u2026";

    private final String baseUrl;

    /** {@code baseUrl} without a trailing slash, e.g. {@code http://localhost:8080}. */
    MailTemplates(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    RenderedMail render(Mail mail) {
        if (mail instanceof Mail.SignInLink signIn) {
            return layout(signIn(signIn));
        }
        if (mail instanceof Mail.Invitation invitation) {
            return layout(invitation(invitation));
        }
        throw unknown(mail);
    }

    /** A short name for the kind of mail, for file names and log lines: {@code sign-in}, {@code invite}. */
    static String kind(Mail mail) {
        if (mail instanceof Mail.SignInLink) {
            return "sign-in";
        }
        if (mail instanceof Mail.Invitation) {
            return "invite";
        }
        throw unknown(mail);
    }

    /** The secrets a mail carries in clear; they must never reach a log line. */
    static List<String> secrets(Mail mail) {
        if (mail instanceof Mail.SignInLink signIn) {
            return List.of(signIn.token().reveal());
        }
        if (mail instanceof Mail.Invitation invitation) {
            return List.of(invitation.token().reveal());
        }
        throw unknown(mail);
    }

    /** How a log line names a mail: {@code sign-in mail to ann@example.com}. Carries no secret. */
    static String describe(Mail mail) {
        return kind(mail) + " mail to " + mail.to().value();
    }

    private static IllegalArgumentException unknown(Mail mail) {
        return new IllegalArgumentException("no template for mail of kind " + mail.getClass().getName());
    }

    // --- sign-in link ---------------------------------------------------------------------

    private Letter signIn(Mail.SignInLink mail) {
        return new Letter(
                mail.to(),
                "Sign in to " + BRAND,
                "Sign in to " + BRAND,
                List.of(),
                "sign in",
                "Sign in",
                MailLinks.signIn(baseUrl, mail.token()),
                MailLinks.signInInApp(mail.token()),
                "The link works once and expires at " + EXPIRY.format(mail.expiresAt()) + ".",
                "If you did not ask for this, ignore this mail: nobody can sign in without the link.");
    }

    // --- invitation -------------------------------------------------------------------------

    private Letter invitation(Mail.Invitation mail) {
        String inviter = mail.inviter().value();
        String title = mail.eventTitle();
        String subject = oneLine(inviter, SUBJECT_NAME_LENGTH) + " invited you to " + subjectVerb(mail.role())
                + " \"" + oneLine(title, SUBJECT_TITLE_LENGTH) + "\"";
        return new Letter(
                mail.to(),
                subject,
                "You're invited",
                List.of(inviter + " invited you to \"" + title + "\" on " + BRAND + " as " + roleInWords(mail.role()) + "."),
                "accept the invite",
                "Accept the invite",
                MailLinks.invite(baseUrl, mail.token()),
                MailLinks.inviteInApp(mail.token()),
                "This invite works once, until " + EXPIRY.format(mail.expiresAt()) + ".",
                "Using this invite also signs you in to " + BRAND + ". If you did not expect it, ignore this mail:"
                        + " nobody can join without the link.");
    }

    /** What the subject says the invitee will do: {@code plan} or {@code follow}. */
    private static String subjectVerb(Role role) {
        return switch (role) {
            case OWNER, EDITOR -> "plan";
            case VIEWER -> "follow";
        };
    }

    /** The role and what it lets the invitee do, in plain words. */
    static String roleInWords(Role role) {
        return switch (role) {
            case OWNER -> "an owner, so you can plan and manage members";
            case EDITOR -> "an editor, so you can plan together";
            case VIEWER -> "a viewer, so you can follow along";
        };
    }

    // --- the shared layout --------------------------------------------------------------------

    /**
     * What one mail says; {@link #layout} puts it into the shared text and HTML layout. All of it
     * is plain text: the HTML layout escapes every part.
     *
     * @param paragraphs what comes before the link
     * @param action     what the link does, to finish "Open this link to ...": {@code sign in}
     * @param button     the button's label in HTML
     * @param validity   how long the link works, a sentence
     * @param notice     the closing sentences: what to do with a mail one did not expect
     */
    private record Letter(Email to, String subject, String heading, List<String> paragraphs, String action,
                          String button, String link, String appLink, String validity, String notice) {
    }

    private static final String TEXT_LAYOUT = """
            {heading}

            {paragraphs}Open this link to {action}:

            {link}

            {validity}

            To {action} in the eventa app on this phone, open this link instead:

            {appLink}

            {notice}

            --\s
            eventa - sent to {recipient}
            """;

    private static final String HTML_PARAGRAPH =
            "<p style=\"font-size:16px; line-height:1.5; margin:0 0 {margin} 0;\">{paragraph}</p>\n";

    private static final String HTML_LAYOUT = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light only">
            <title>{subject}</title>
            </head>
            <body style="margin:0; padding:0; background-color:#f5f1ec; color:#2d2a32; \
            font-family:-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;">
            <div style="max-width:480px; margin:0 auto; padding:32px 16px;">
            <div style="font-size:22px; font-weight:700; letter-spacing:0.5px; color:#6d2e5b; \
            margin:0 0 20px 4px;">eventa</div>
            <div style="background-color:#ffffff; border-radius:12px; padding:28px 24px;">
            <h1 style="font-size:20px; line-height:1.3; margin:0 0 16px 0;">{heading}</h1>
            {paragraphs}<p style="margin:0 0 24px 0;"><a href="{link}" style="display:inline-block; \
            background-color:#6d2e5b; color:#ffffff; font-size:16px; font-weight:600; \
            text-decoration:none; padding:12px 28px; border-radius:8px;">{button}</a></p>
            <p style="font-size:13px; line-height:1.5; color:#5f5a66; margin:0 0 12px 0;">\
            Or copy this link into your browser:<br>
            <a href="{link}" style="color:#6d2e5b; word-break:break-all;">{link}</a></p>
            <p style="font-size:13px; line-height:1.5; color:#5f5a66; margin:0;">\
            On a phone with the eventa app? <a href="{appLink}" style="color:#6d2e5b;">Open it in the app</a>.</p>
            </div>
            <p style="font-size:12px; line-height:1.5; color:#8a8590; margin:20px 4px 0 4px;">\
            {notice} This mail was sent to {recipient}.</p>
            </div>
            </body>
            </html>
            """;

    private static RenderedMail layout(Letter letter) {
        StringBuilder textParagraphs = new StringBuilder();
        for (String paragraph : letter.paragraphs()) {
            textParagraphs.append(paragraph).append("\n\n");
        }
        // In HTML the sentence about the button, and how long the link works, is a paragraph too.
        List<String> htmlParagraphs = new ArrayList<>(letter.paragraphs());
        htmlParagraphs.add("Tap the button to " + letter.action() + ". " + letter.validity());
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < htmlParagraphs.size(); i++) {
            boolean last = i == htmlParagraphs.size() - 1;
            html.append(fill(HTML_PARAGRAPH, Map.of("margin", last ? "24px" : "16px", "paragraph", htmlParagraphs.get(i)), true));
        }

        Map<String, Object> values = Map.of(
                "subject", letter.subject(),
                "heading", letter.heading(),
                "action", letter.action(),
                "button", letter.button(),
                "link", letter.link(),
                "appLink", letter.appLink(),
                "validity", letter.validity(),
                "notice", letter.notice(),
                "recipient", letter.to().value());
        return new RenderedMail(letter.to(), letter.subject(),
                fill(TEXT_LAYOUT, with(values, "paragraphs", textParagraphs.toString()), false),
                fill(HTML_LAYOUT, with(values, "paragraphs", new Markup(html.toString())), true));
    }

    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> all = new HashMap<>(values);
        all.put(name, value);
        return all;
    }

    // --- helpers -----------------------------------------------------------------------------

    /** HTML that is already escaped, put into a template as it is. */
    private record Markup(String html) {

        Markup {
            Objects.requireNonNull(html, "html");
        }
    }

    /** A token as a query parameter's value (a token is base64url, so this changes nothing today). */
    /**
     * {@code value} as part of a subject: on one line (line breaks, tabs, other control characters
     * and runs of spaces become one space), trimmed, and at most {@code maxLength} code points, the
     * last of them an ellipsis when it was cut.
     */
    static String oneLine(String value, int maxLength) {
        String line = BREAKS_AND_SPACES.matcher(value).replaceAll(" ").strip();
        if (line.codePointCount(0, line.length()) <= maxLength) {
            return line;
        }
        String cut = line.substring(0, line.offsetByCodePoints(0, maxLength - 1)).stripTrailing();
        return cut + ELLIPSIS;
    }

    /** Replaces each {@code {name}} in one pass, so a value is never itself searched for placeholders. */
    private static String fill(String template, Map<String, ?> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("template has no value for {" + matcher.group(1) + "}");
            }
            String filled = value instanceof Markup markup ? markup.html()
                    : html ? escapeHtml((String) value) : (String) value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(filled));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Escapes for HTML text and quoted attributes alike; anything outside ASCII becomes a character reference. */
    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x80) {
                        out.append((char) c);
                    } else {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    }
                }
            }
        });
        return out.toString();
    }
}
