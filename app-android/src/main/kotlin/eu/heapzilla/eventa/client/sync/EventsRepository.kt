package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.api.EventaApi
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.Store
import java.io.IOException
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * The list of events this person plans, for the home screen: the stored list first, then the
 * server's, which replaces it in the store (an event no longer listed is forgotten with its data).
 */
class EventsRepository(private val api: EventaApi, private val store: Store) {

    private val state = MutableStateFlow<Loadable<List<Event>>>(Loadable.Loading)
    val events: StateFlow<Loadable<List<Event>>> = state.asStateFlow()

    /** Shows the stored list (offline) at once, then the server's; without a server the stored list stays. */
    suspend fun refresh() {
        val stored = store.events()
        if (state.value !is Loadable.Ready && stored.isNotEmpty()) state.value = Loadable.Ready(stored, offline = true)
        try {
            val events = api.events().events
            store.replaceEvents(events)
            state.value = Loadable.Ready(events)
        } catch (e: IOException) {
            state.value = if (stored.isNotEmpty()) Loadable.Ready(stored, offline = true) else Loadable.Failed(messageFor(e))
        }
    }

    suspend fun create(body: EventCreate): Event {
        val event = api.createEvent(body)
        store.putEvent(event)
        state.value = Loadable.Ready(store.events())
        return event
    }

    suspend fun delete(event: Event) {
        api.deleteEvent(event.id, event.version)
        store.removeEvent(event.id)
        state.value = Loadable.Ready(store.events())
    }
}
