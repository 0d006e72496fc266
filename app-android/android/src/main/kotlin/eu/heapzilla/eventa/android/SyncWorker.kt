package eu.heapzilla.eventa.android

import android.content.Context
import androidx.work.CoroutineWorker
import androidx.work.WorkerParameters

/** Catches one event up after a push, through the app's sync ([EventaShell.onPush]). */
class SyncWorker(context: Context, parameters: WorkerParameters) : CoroutineWorker(context, parameters) {

    override suspend fun doWork(): Result {
        val eventId = inputData.getString(EVENT_ID) ?: return Result.failure()
        val seq = inputData.getLong(SEQ, 0)
        val sync = EventaShell.onPush ?: return Result.success()
        return runCatching { sync(eventId, seq) }.fold({ Result.success() }, { Result.retry() })
    }

    companion object {
        const val EVENT_ID = "event_id"
        const val SEQ = "seq"
    }
}
