package eu.heapzilla.eventa.android

import androidx.work.ExistingWorkPolicy
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.workDataOf
import com.google.firebase.messaging.FirebaseMessagingService
import com.google.firebase.messaging.RemoteMessage
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.PushTokenRequest
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.launch

/**
 * Receives eventa's pushes: data only (`event_id`, `seq`, …), "something changed in this event",
 * answered by a one-time [SyncWorker] per event. A new FCM token is registered with the server
 * (`POST me/push-tokens`) for the signed-in person.
 */
class EventaMessagingService : FirebaseMessagingService() {

    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)

    override fun onMessageReceived(message: RemoteMessage) {
        val eventId = message.data["event_id"] ?: return
        val seq = message.data["seq"]?.toLongOrNull() ?: return
        val work = OneTimeWorkRequestBuilder<SyncWorker>()
            .setInputData(workDataOf(SyncWorker.EVENT_ID to eventId, SyncWorker.SEQ to seq))
            .build()
        WorkManager.getInstance(this).enqueueUniqueWork("sync-$eventId", ExistingWorkPolicy.REPLACE, work)
    }

    override fun onNewToken(token: String) {
        val session = EventaShell.of(this).vault.load() ?: return
        scope.launch {
            runCatching {
                ApiClient(session.serverUrl, bearer = { session.bearer }).api.registerPushToken(PushTokenRequest(token, "android"))
            }
        }
    }

    override fun onDestroy() {
        scope.cancel()
        super.onDestroy()
    }
}
