package eu.heapzilla.eventa.domain.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void isThirtyTwoRandomBytesInBase64UrlWithoutPadding() {
        Secret secret = Secret.generate(random);
        String text = secret.reveal();
        assertEquals(43, text.length());
        assertTrue(text.matches("[A-Za-z0-9_-]+"));
        assertEquals(32, Base64.getUrlDecoder().decode(text).length);
    }

    @Test
    void neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Secret.generate(random).reveal()));
        }
    }

    @Test
    void parsesWhatItGenerates() {
        Secret secret = Secret.generate(random);
        assertEquals(secret, Secret.parse("token", secret.reveal()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", "AAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAAA"})
    void refusesAnythingNotShapedLikeAToken(String text) {
        InvalidValue e = assertThrows(InvalidValue.class, () -> Secret.parse("token", text));
        assertEquals("token", e.field());
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidValue.class, () -> Secret.parse("token", null));
    }

    @Test
    void neverShowsItsValueInToString() {
        Secret secret = Secret.generate(random);
        assertFalse(secret.toString().contains(secret.reveal()));
        assertFalse(secret.hash().toString().contains(secret.reveal()));
    }

    @Test
    void hashIsTheSha256OfTheText() throws Exception {
        Secret secret = Secret.generate(random);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, secret.hash().bytes());
        assertEquals(secret.hash(), SecretHash.fromBytes(expected));
    }

    @Test
    void aHashMatchesItsSecretOnly() {
        Secret secret = Secret.generate(random);
        assertTrue(secret.hash().matches(secret));
        assertFalse(secret.hash().matches(Secret.generate(random)));
        assertNotEquals(secret.hash(), Secret.generate(random).hash());
    }

    @Test
    void aHashHasThirtyTwoBytes() {
        assertThrows(IllegalArgumentException.class, () -> SecretHash.fromBytes(new byte[31]));
    }
}
