package eu.heapzilla.eventa.android

import android.content.Context
import android.content.SharedPreferences
import androidx.security.crypto.EncryptedSharedPreferences
import androidx.security.crypto.MasterKey
import eu.heapzilla.eventa.client.session.BearerVault
import eu.heapzilla.eventa.client.session.StoredSession

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
        return StoredSession.fromJson(text)
    }

    override fun save(session: StoredSession) {
        preferences.edit().putString(KEY, session.toJson()).commit()
    }

    override fun clear() {
        preferences.edit().remove(KEY).commit()
    }

    private companion object {
        const val FILE = "eventa_session"
        const val KEY = "session"
    }
}
