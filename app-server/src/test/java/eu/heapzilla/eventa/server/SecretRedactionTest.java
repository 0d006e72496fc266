package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.access.Secret;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The log's second line of defence, on its own: what it masks, and what it must leave alone. */
class SecretRedactionTest {

    private static final String TOKEN = Secret.generate(new SecureRandom()).reveal();

    @ParameterizedTest
    @ValueSource(strings = {
        "Authorization: Bearer %s",
        "authorization=bearer %s",
        "GET /verify?token=%s&x=1",
        "{\"token\":\"%s\"}",
        "{\"token\": \"%s\", \"platform\": \"android\"}",
        "POST /api/v1/invites/%s/accept",
        "link http://localhost:8080/invite?token=%s sent",
        "the token %s was refused",
    })
    void eventaTokensAreMaskedWhereverTheyStand(String shape) {
        String line = shape.formatted(TOKEN);

        String redacted = SecretRedaction.redact(line);

        assertFalse(redacted.contains(TOKEN), redacted);
        assertTrue(redacted.contains(SecretRedaction.MASK), redacted);
    }

    @Test
    void otherSecretsAreMaskedToo() {
        assertEquals("password=*** user=eventa", SecretRedaction.redact("password=hunter22 user=eventa"));
        assertEquals("api_key: ***", SecretRedaction.redact("api_key: abcdefghij"));
        assertEquals("key re_*** rejected", SecretRedaction.redact("key re_AbCdEfGh12345678ijkl rejected"));
        assertEquals("postgresql://eventa:***@db:5432/eventa",
                SecretRedaction.redact("postgresql://eventa:s3cr3t-pass@db:5432/eventa"));
        assertEquals("Authorization: Bearer ***", SecretRedaction.redact("Authorization: Bearer " + TOKEN));
    }

    @Test
    void ordinaryLinesAreLeftAsTheyAre() {
        String uuid = UUID.randomUUID().toString();
        String[] lines = {
            "GET /api/v1/events/{event}/tasks/{task} 200",
            "PATCH /api/v1/events/" + uuid + " 409",
            "Outbox item 7 (invite mail to anna@example.org) failed on attempt 1/10, retrying in 1,077 ms",
            "push to device …k3x9 of user " + uuid + ": sent",
            "eventa is ready at http://localhost:8080 (started in 1234 ms)",
            "token expired",
            "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "at eu.heapzilla.eventa.adapters.http.HttpServer.lambda$new$3(HttpServer.java:120)",
        };
        for (String line : lines) {
            assertEquals(line, SecretRedaction.redact(line));
        }
    }

    @Test
    void nothingToRedactIsNothing() {
        assertEquals("", SecretRedaction.redact(""));
        assertEquals(null, SecretRedaction.redact(null));
    }
}
