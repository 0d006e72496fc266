package eu.heapzilla.eventa.android

import android.content.Intent

/** A link the mails carry that opened the app: `eventa://verify?token=…` or `eventa://invite?token=…`. */
sealed interface DeepLink {
    val token: String

    data class Verify(override val token: String) : DeepLink
    data class Invite(override val token: String) : DeepLink

    companion object {
        /** The link [intent] carries, or null (a launcher start, another scheme, no token). */
        fun of(intent: Intent?): DeepLink? {
            val uri = intent?.data ?: return null
            if (uri.scheme != "eventa") return null
            val token = uri.getQueryParameter("token")?.takeIf { it.isNotBlank() } ?: return null
            return when (uri.host) {
                "verify" -> Verify(token)
                "invite" -> Invite(token)
                else -> null
            }
        }
    }
}
