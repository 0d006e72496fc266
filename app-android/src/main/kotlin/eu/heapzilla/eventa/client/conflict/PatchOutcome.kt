package eu.heapzilla.eventa.client.conflict

import java.time.Duration
import java.time.Instant
import kotlinx.serialization.json.JsonElement

/** What became of an edit sent through [Patcher.patch]. */
sealed interface PatchOutcome<T : Any> {

    /**
     * The server took the edit and answered [value]. [merged]: someone else had changed other
     * fields meanwhile and the edit was re-applied on their version, so [value] holds both.
     */
    data class Saved<T : Any>(val value: T, val merged: Boolean) : PatchOutcome<T>

    /**
     * Someone else changed a field this edit also changes: the person decides. [mine] is the edit,
     * [theirs] the values now on the server of the fields both changed (JSON names, `JsonNull`
     * when they cleared one), [current] the whole entity now.
     */
    data class Conflict<T : Any>(
        val base: T,
        val current: T,
        val mine: Map<String, JsonElement>,
        val theirs: Map<String, JsonElement>,
        val changedBy: String?,
        val changedAt: Instant,
        private val patcher: Patcher<T>,
    ) : PatchOutcome<T> {

        /** Sends [mine] again on [current]'s version (it may meet yet another change). */
        suspend fun keepMine(): PatchOutcome<T> = patcher.patch(current, mine)

        /** Drops the edit: the entity stays as they left it. */
        fun keepTheirs(): T = current

        /** "Gerda changed this 5 s ago", as seen at [now]. */
        fun describe(now: Instant): String = "${changedBy ?: "Someone"} changed this ${ago(Duration.between(changedAt, now))}"

        override fun toString() = "Conflict(mine=$mine, theirs=$theirs, changedBy=$changedBy, changedAt=$changedAt)"
    }
}

internal fun ago(elapsed: Duration): String {
    val seconds = elapsed.seconds.coerceAtLeast(0)
    return when {
        seconds < 60 -> "$seconds s ago"
        seconds < 3_600 -> "${seconds / 60} min ago"
        seconds < 86_400 -> "${seconds / 3_600} h ago"
        seconds < 172_800 -> "1 day ago"
        else -> "${seconds / 86_400} days ago"
    }
}
