package eu.heapzilla.eventa.client.state

/**
 * What a screen shows for one piece of data: still loading, there (perhaps only from the
 * offline store, while the server cannot be reached), or failed with a sentence for people.
 */
sealed interface Loadable<out T> {

    data object Loading : Loadable<Nothing>

    /** [offline]: the value is the store's copy and the server could not be asked. */
    data class Ready<T>(val value: T, val offline: Boolean = false) : Loadable<T>

    data class Failed(val message: String) : Loadable<Nothing>

    fun valueOrNull(): T? = (this as? Ready<T>)?.value
}
