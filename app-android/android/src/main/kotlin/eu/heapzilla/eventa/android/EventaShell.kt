package eu.heapzilla.eventa.android

import android.content.Context
import eu.heapzilla.eventa.client.session.BearerVault
import eu.heapzilla.eventa.client.store.Store

/**
 * What the activity, the messaging service and the sync worker of one process share: the
 * encrypted sign-in, the Room store, and the hook through which a push reaches the app's sync.
 */
class EventaShell private constructor(context: Context) {

    val vault: BearerVault = EncryptedBearerVault(context)

    val store: Store by lazy { RoomStore.open(context) }

    companion object {
        @Volatile
        private var instance: EventaShell? = null

        fun of(context: Context): EventaShell =
            instance ?: synchronized(this) { instance ?: EventaShell(context.applicationContext).also { instance = it } }

        /**
         * Set by the app's sync while it is wired up: catch [eventId] up to at least `seq`. Unset
         * (the process was started for a push only), the next start catches up from the cursor.
         */
        @Volatile
        var onPush: (suspend (eventId: String, seq: Long) -> Unit)? = null
    }
}
