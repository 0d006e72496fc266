package eu.heapzilla.eventa.android

import android.content.Context
import android.content.SharedPreferences
import androidx.security.crypto.EncryptedSharedPreferences
import androidx.security.crypto.MasterKey
import eu.heapzilla.eventa.client.session.BearerVault
import eu.heapzilla.eventa.client.session.StoredSession
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json

/**
 * Android's [BearerVault]: the session as JSON in EncryptedSharedPreferences, whose key lives in
 * the Android Keystore (AES-256 GCM values, AES-256 SIV keys).
 */
class EncryptedBearerVault(context: Context) : BearerVault {

    private val preferences: SharedPreferences = EncryptedSharedPreferences.create(
        context,
        FILE,
        MasterKey.Builder(context).setKeyScheme(MasterKey.KeyScheme.AES256_GCM).build(),
        EncryptedSharedPreferences.PrefKeyEncryptionScheme.AES256_SIV,
        EncryptedSharedPreferences.PrefValueEncryptionScheme.AES256_GCM,
    )

    override fun load(): StoredSession? {
        val text = preferences.getString(KEY, null) ?: return null
        return try {
            json.decodeFromString(StoredSession.serializer(), text)
        } catch (e: SerializationException) {
            null
        } catch (e: IllegalArgumentException) {
            null
        }
    }

    override fun save(session: StoredSession) {
        preferences.edit().putString(KEY, json.encodeToString(StoredSession.serializer(), session)).commit()
    }

    override fun clear() {
        preferences.edit().remove(KEY).commit()
    }

    private companion object {
        const val FILE = "eventa_session"
        const val KEY = "session"
        val json = Json { ignoreUnknownKeys = true }
    }
}
