package eu.heapzilla.eventa.client.signin

import java.net.URI
import java.net.URISyntaxException
import java.net.URLDecoder
import java.nio.charset.StandardCharsets

/**
 * Finds the sign-in token in what a person pastes from the sign-in mail: the app link
 * `eventa://verify?token=…`, the web link `https://host/…/verify?token=…`, or the bare token
 * (43 characters of base64url, the server's 32 random bytes).
 */
object SignInLinks {

    private val TOKEN = Regex("[A-Za-z0-9_-]{43}")

    /** The token in [text], or null when [text] is none of the accepted shapes. */
    fun parseToken(text: String): String? {
        val trimmed = text.trim().removePrefix("<").removeSuffix(">").trim()
        if (TOKEN.matches(trimmed)) return trimmed
        val uri = try {
            URI(trimmed)
        } catch (_: URISyntaxException) {
            return null
        }
        val isVerifyLink = when (uri.scheme?.lowercase()) {
            "eventa" -> uri.host == "verify" || uri.schemeSpecificPart.startsWith("verify?")
            "http", "https" -> uri.host != null && uri.path.orEmpty().trimEnd('/').endsWith("/verify")
            else -> false
        }
        if (!isVerifyLink) return null
        val token = queryParameter(uri.rawQuery ?: return null, "token") ?: return null
        return token.takeIf { TOKEN.matches(it) }
    }

    private fun queryParameter(rawQuery: String, name: String): String? =
        rawQuery.split('&')
            .map { it.split('=', limit = 2) }
            .firstOrNull { it.size == 2 && it[0] == name }
            ?.let { URLDecoder.decode(it[1], StandardCharsets.UTF_8) }
}
