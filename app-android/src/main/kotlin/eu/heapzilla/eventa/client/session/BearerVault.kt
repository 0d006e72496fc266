package eu.heapzilla.eventa.client.session

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/**
 * Where this device keeps its sign-in between runs: a file only its owner can read on the
 * desktop ([FileBearerVault]), encrypted preferences on Android (the shell's `EncryptedBearerVault`).
 */
interface BearerVault {

    /** The stored session, or null when there is none or it cannot be read. */
    fun load(): StoredSession?

    /** Replaces the stored session. */
    fun save(session: StoredSession)

    /** Forgets the stored session (signing out). */
    fun clear()
}

/** One signed-in person on one server. The [bearer] is a secret: never log it. */
@Serializable
data class StoredSession(
    @SerialName("server_url") val serverUrl: String,
    val bearer: String,
    @SerialName("user_id") val userId: String,
    val email: String,
    @SerialName("display_name") val displayName: String? = null,
) {
    override fun toString() = "StoredSession(serverUrl=$serverUrl, userId=$userId, email=$email, displayName=$displayName)"

    /** What a vault keeps. */
    fun toJson(): String = FORMAT.encodeToString(serializer(), this)

    companion object {
        private val FORMAT = kotlinx.serialization.json.Json { ignoreUnknownKeys = true }

        /** What a vault kept, or null when it cannot be read (a vault then acts as empty). */
        fun fromJson(text: String): StoredSession? = try {
            FORMAT.decodeFromString(serializer(), text)
        } catch (e: kotlinx.serialization.SerializationException) {
            null
        } catch (e: IllegalArgumentException) {
            null
        }
    }
}
