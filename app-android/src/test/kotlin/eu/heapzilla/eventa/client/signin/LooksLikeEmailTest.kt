package eu.heapzilla.eventa.client.signin

import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

class LooksLikeEmailTest {

    @ParameterizedTest
    @ValueSource(strings = ["ada@example.org", "a.b+party@mail.example.co.uk", "x@y.io", "  padded@example.org  "])
    fun `accepts addresses`(candidate: String) {
        assertTrue(looksLikeEmail(candidate), candidate)
    }

    @ParameterizedTest
    @ValueSource(
        strings = [
            "", " ", "not-an-email", "ada@", "@example.org", "ada@example", "ada@example.", "ada@.org",
            "ada@@example.org", "ada@exa@mple.org", "ada lovelace@example.org", "ada@exa mple.org", "ada@example..org",
        ],
    )
    fun `rejects non-addresses`(candidate: String) {
        assertFalse(looksLikeEmail(candidate), candidate)
    }

    @org.junit.jupiter.api.Test
    fun `rejects addresses longer than SMTP allows`() {
        val local = "a".repeat(64)
        val domain = "b".repeat(185) + ".org" // 64 + 1 + 189 = 254
        assertTrue(looksLikeEmail("$local@$domain"))
        assertFalse(looksLikeEmail("$local@b$domain"))
    }
}
