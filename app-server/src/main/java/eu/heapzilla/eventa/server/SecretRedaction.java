package eu.heapzilla.eventa.server;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a secret in text bound for the log. eventa never logs a token on purpose
 * (routes are logged as templates, tokens are only ever hashed); this is the second line of
 * defence, for a secret that slips into a message, an exception or a library's log line by
 * mistake. It masks: anything after {@code Bearer}; the value of a {@code token}, {@code password},
 * {@code secret}, {@code api_key} or {@code authorization} field, in query, header or JSON form;
 * eventa's own tokens (43 characters of base64url) wherever they stand; Resend API keys; the
 * password in a database URL.
 */
final class SecretRedaction {

    static final String MASK = "***";

    private static final List<Rule> RULES = List.of(
            new Rule("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}", "$1" + MASK),
            new Rule("(?i)((?:token|password|passwd|secret|api[_-]?key|authorization)[\"']?\\s*[=:]\\s*[\"']?)"
                    + "(?!\\*\\*\\*|(?i:bearer\\s))[^\\s\"'&,;}]{4,}", "$1" + MASK),
            new Rule("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", MASK),
            new Rule("\\bre_[A-Za-z0-9_]{16,}", "re_" + MASK),
            new Rule("(?i)(\\b(?:postgres(?:ql)?|jdbc:postgresql)://[^:/@\\s]+:)[^@\\s]+@", "$1" + MASK + "@"));

    private SecretRedaction() {
    }

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (Rule rule : RULES) {
            redacted = rule.apply(redacted);
        }
        return redacted;
    }

    private record Rule(Pattern pattern, String replacement) {

        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? matcher.replaceAll(replacement) : text;
        }
    }
}
