package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.ports.out.Mail;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each kind of {@link Mail} says, as plain text and as HTML, branded eventa.
 *
 * <p>Rendering is a pure function of the mail: a retry renders the very same message, which
 * Resend requires of a request that repeats an idempotency key. The HTML is self-contained
 * (inline styles, no images, fonts or stylesheets from elsewhere) and pure ASCII (anything else
 * is written as a character reference); every interpolated value is escaped. The text part keeps
 * each link on a line of its own, so it survives being copied from any mail client.
 *
 * <p>Java 17 has no pattern {@code switch}, so a new kind of mail is an {@code instanceof} branch
 * in {@link #render}, {@link #kind} and {@link #secrets}; {@code MailTemplatesTest} fails until the
 * new kind is known here.
 */
final class MailTemplates {

    static final String BRAND = "eventa";
    static final String APP_SCHEME = "eventa://";

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("HH:mm 'UTC on' d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final String baseUrl;

    /** {@code baseUrl} without a trailing slash, e.g. {@code http://localhost:8080}. */
    MailTemplates(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    RenderedMail render(Mail mail) {
        if (mail instanceof Mail.SignInLink signIn) {
            return signIn(signIn);
        }
        throw unknown(mail);
    }

    /** A short name for the kind of mail, for file names and log lines: {@code sign-in}. */
    static String kind(Mail mail) {
        if (mail instanceof Mail.SignInLink) {
            return "sign-in";
        }
        throw unknown(mail);
    }

    /** The secrets a mail carries in clear; they must never reach a log line. */
    static List<String> secrets(Mail mail) {
        if (mail instanceof Mail.SignInLink signIn) {
            return List.of(signIn.token().reveal());
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

    private static final String SIGN_IN_SUBJECT = "Sign in to " + BRAND;

    private static final String SIGN_IN_TEXT = """
            Sign in to eventa

            Open this link to sign in:

            {link}

            The link works once and expires at {expiry}.

            To sign in in the eventa app on this phone, open this link instead:

            {appLink}

            If you did not ask for this, ignore this mail: nobody can sign in
            without the link.

            --\s
            eventa - sent to {recipient}
            """;

    private static final String SIGN_IN_HTML = """
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
            <h1 style="font-size:20px; line-height:1.3; margin:0 0 16px 0;">Sign in to eventa</h1>
            <p style="font-size:16px; line-height:1.5; margin:0 0 24px 0;">Tap the button to sign in. \
            The link works once and expires at {expiry}.</p>
            <p style="margin:0 0 24px 0;"><a href="{link}" style="display:inline-block; \
            background-color:#6d2e5b; color:#ffffff; font-size:16px; font-weight:600; \
            text-decoration:none; padding:12px 28px; border-radius:8px;">Sign in</a></p>
            <p style="font-size:13px; line-height:1.5; color:#5f5a66; margin:0 0 12px 0;">\
            Or copy this link into your browser:<br>
            <a href="{link}" style="color:#6d2e5b; word-break:break-all;">{link}</a></p>
            <p style="font-size:13px; line-height:1.5; color:#5f5a66; margin:0;">\
            On a phone with the eventa app? <a href="{appLink}" style="color:#6d2e5b;">Open it in the app</a>.</p>
            </div>
            <p style="font-size:12px; line-height:1.5; color:#8a8590; margin:20px 4px 0 4px;">\
            If you did not ask for this, ignore this mail: nobody can sign in without the link. \
            This mail was sent to {recipient}.</p>
            </div>
            </body>
            </html>
            """;

    private RenderedMail signIn(Mail.SignInLink mail) {
        String token = mail.token().reveal();
        Map<String, String> values = Map.of(
                "subject", SIGN_IN_SUBJECT,
                "link", baseUrl + "/verify?token=" + token,
                "appLink", APP_SCHEME + "verify?token=" + token,
                "expiry", EXPIRY.format(mail.expiresAt()),
                "recipient", mail.to().value());
        return new RenderedMail(mail.to(), SIGN_IN_SUBJECT, fill(SIGN_IN_TEXT, values, false), fill(SIGN_IN_HTML, values, true));
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Replaces each {@code {name}} in one pass, so a value is never itself searched for placeholders. */
    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("template has no value for {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
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
