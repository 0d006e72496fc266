package eu.heapzilla.eventa.domain.member;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, trimmed and lower-cased so that one person has one identity however
 * they type it. Validation is deliberately practical (one {@code @}, a dotted domain, no
 * spaces, RFC 5321 length limits), not the full RFC 5322 grammar: the real proof is that a
 * sign-in link sent there gets clicked.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    public Email {
        if (value == null || !value.equals(normalise(value)) || !isWellFormed(value)) {
            throw new InvalidValue("email", "email must be a valid address");
        }
    }

    /** Accepts what a person typed: surrounding white space and upper case are fine. */
    public static Email of(String typed) {
        if (typed == null) {
            throw new InvalidValue("email", "email is required");
        }
        return new Email(normalise(typed));
    }

    private static String normalise(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isWellFormed(String value) {
        int at = value.indexOf('@');
        return value.length() <= MAX_LENGTH
                && at > 0
                && at <= MAX_LOCAL_PART
                && !value.startsWith(".")
                && !value.contains("..")
                && value.charAt(at - 1) != '.'
                && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
