package eu.heapzilla.eventa.client.signin

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

class SignInLinksTest {
    private val token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde"

    @Test
    fun theTokenIs43Base64UrlCharacters() {
        assertEquals(43, token.length)
        assertEquals(token, SignInLinks.parseToken(token))
        assertEquals(token, SignInLinks.parseToken("  $token\n"))
        assertNull(SignInLinks.parseToken(token.dropLast(1)))
        assertNull(SignInLinks.parseToken(token + "x"))
        assertNull(SignInLinks.parseToken(token.replace('A', '+')))
    }

    @Test
    fun appAndWebLinksGiveTheirToken() {
        assertEquals(token, SignInLinks.parseToken("eventa://verify?token=$token"))
        assertEquals(token, SignInLinks.parseToken("https://plan.example.org/api/v1/verify?token=$token"))
        assertEquals(token, SignInLinks.parseToken("http://localhost:8080/verify?lang=de&token=$token"))
        assertEquals(token, SignInLinks.parseToken("<https://plan.example.org/verify?token=$token>"))
    }

    @Test
    fun otherTextIsRefused() {
        assertNull(SignInLinks.parseToken(""))
        assertNull(SignInLinks.parseToken("hello"))
        assertNull(SignInLinks.parseToken("https://plan.example.org/invites?token=$token"))
        assertNull(SignInLinks.parseToken("ftp://plan.example.org/verify?token=$token"))
        assertNull(SignInLinks.parseToken("eventa://verify?token=short"))
        assertNull(SignInLinks.parseToken("eventa://verify?code=$token"))
        assertNull(SignInLinks.parseToken("https://plan.example.org/verify"))
    }
}
