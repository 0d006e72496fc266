package eu.heapzilla.eventa.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The SHA-256 of a {@link Secret}'s text: what the server stores and looks secrets up by. */
public final class SecretHash {

    public static final int BYTES = 32;

    private final byte[] bytes;

    private SecretHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SecretHash of(Secret secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return new SecretHash(sha256.digest(secret.reveal().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A hash read back from storage. */
    public static SecretHash fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a SHA-256 hash has " + BYTES + " bytes, not " + bytes.length);
        }
        return new SecretHash(bytes.clone());
    }

    /** Whether {@code secret} hashes to this, compared in time independent of where they differ. */
    public boolean matches(Secret secret) {
        return MessageDigest.isEqual(bytes, of(secret).bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretHash that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The first bytes only: enough to tell hashes apart in a test failure, useless to an attacker. */
    @Override
    public String toString() {
        return "SecretHash[" + HexFormat.of().formatHex(bytes, 0, 4) + "…]";
    }
}
