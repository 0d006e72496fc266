package eu.heapzilla.eventa.domain.access;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A token handed to a person (in a sign-in mail, or as a bearer): 32 random bytes, written as
 * 43 base64url characters without padding. The server keeps only its {@link #hash()}.
 * {@link #toString()} never shows the value, so a secret cannot slip into a log by accident.
 */
public final class Secret {

    public static final int BYTES = 32;
    private static final int LENGTH = 43;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + (LENGTH - 1) + "}[AEIMQUYcgkosw048]");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Reads a token a person sent back; anything not shaped like one is an {@link InvalidValue}. */
    public static Secret parse(String field, String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new InvalidValue(field, field + " is not a valid token");
        }
        return new Secret(text);
    }

    /** The token as the person receives it; only for the mail, the response or the link. */
    public String reveal() {
        return value;
    }

    public SecretHash hash() {
        return SecretHash.of(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && MessageDigest.isEqual(ascii(value), ascii(that.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
