package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.Kind
import eu.heapzilla.eventa.client.store.Store
import kotlinx.coroutines.flow.MutableStateFlow

/**
 * One piece of an open event as a screen sees it ([flow]) and as the [Store] keeps it, always
 * written together. A value older (by version) than the one held is not written over it, so a
 * slow answer cannot undo a newer change that arrived live.
 */
internal abstract class Shown<V : Any> {
    val flow = MutableStateFlow<Loadable<V>>(Loadable.Loading)

    /** The store's copy, null when it has none. */
    abstract fun stored(): V?

    /** Shows the store's copy marked offline; without one, [failure] (if given). */
    fun showStored(known: Boolean, failure: String?) {
        val value = if (known) stored() else null
        flow.value = when {
            value != null -> Loadable.Ready(value, offline = true)
            failure != null -> Loadable.Failed(failure)
            else -> flow.value
        }
    }
}

/** A list of one [kind] of the event, in the server's order. */
internal class Items<T : Any>(
    private val store: Store,
    private val eventId: String,
    private val kind: Kind<T>,
    private val versionOf: (T) -> Long,
) : Shown<List<T>>() {

    override fun stored(): List<T> = store.list(kind, eventId)

    @Synchronized
    fun replace(items: List<T>) {
        store.replaceAll(kind, eventId, items)
        flow.value = Loadable.Ready(items)
    }

    @Synchronized
    fun put(item: T) {
        val held = stored().find { kind.idOf(it) == kind.idOf(item) }
        if (held == null || versionOf(held) <= versionOf(item)) store.put(kind, eventId, item)
        flow.value = Loadable.Ready(stored())
    }

    @Synchronized
    fun remove(id: String) {
        store.remove(kind, eventId, id)
        flow.value = Loadable.Ready(stored())
    }
}

/** A single value of the event (the event itself, its timeline, its budget summary). */
internal class One<T : Any>(
    private val read: () -> T?,
    private val write: (T) -> Unit,
    private val versionOf: (T) -> Long = { 0 },
) : Shown<T>() {

    override fun stored(): T? = read()

    @Synchronized
    fun set(value: T) {
        val held = read()
        val shown = if (held == null || versionOf(held) <= versionOf(value)) value.also(write) else held
        flow.value = Loadable.Ready(shown)
    }
}
