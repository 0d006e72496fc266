package eu.heapzilla.eventa.client.sync

/** Where the [LiveConnection] stands, for a screen's "live / offline" indicator. */
sealed interface LiveStatus {

    /** Not started, or stopped (the app is in the background or its window closed). */
    data object Stopped : LiveStatus

    data object Connecting : LiveStatus

    /** Connected: changes by others arrive as they happen. */
    data object Live : LiveStatus

    /** The connection failed or was closed; the next attempt is in [retryInMillis]. */
    data class Offline(val retryInMillis: Long) : LiveStatus

    /** The server refused the bearer (close code 4401): sign in again; no more attempts. */
    data object SignedOut : LiveStatus
}
