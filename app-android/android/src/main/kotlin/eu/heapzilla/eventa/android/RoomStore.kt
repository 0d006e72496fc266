package eu.heapzilla.eventa.android

import android.content.Context
import androidx.room.Room
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.store.Kind
import eu.heapzilla.eventa.client.store.Store

/**
 * Android's [Store] on Room: the tables of [StoreDatabase], the server's JSON as text (read and
 * written with [ApiClient.json]), each call one transaction. Call it off the main thread.
 */
class RoomStore(private val database: StoreDatabase) : Store {

    private val dao = database.store()
    private val json = ApiClient.json

    override fun events(): List<Event> = dao.eventJsons().map { json.decodeFromString(Event.serializer(), it) }

    override fun replaceEvents(events: List<Event>) = inTransaction {
        val kept = events.map { it.id }.toSet()
        dao.eventIds().filter { it !in kept }.forEach(::forget)
        dao.deleteAllEvents()
        events.forEachIndexed { position, event -> dao.upsertEvent(StoredEvent(event.id, encode(event), position)) }
    }

    override fun putEvent(event: Event) = inTransaction {
        val position = dao.eventPosition(event.id) ?: dao.nextEventPosition()
        dao.upsertEvent(StoredEvent(event.id, encode(event), position))
    }

    override fun removeEvent(eventId: String) = inTransaction { forget(eventId) }

    override fun <T : Any> list(kind: Kind<T>, eventId: String): List<T> =
        dao.entityJsons(kind.name, eventId).map { json.decodeFromString(kind.serializer, it) }

    override fun <T : Any> replaceAll(kind: Kind<T>, eventId: String, items: List<T>) = inTransaction {
        dao.deleteKind(kind.name, eventId)
        dao.insertEntities(items.mapIndexed { position, item -> entity(kind, eventId, item, position) })
    }

    override fun <T : Any> put(kind: Kind<T>, eventId: String, item: T) = inTransaction {
        val position = dao.entityPosition(kind.name, eventId, kind.idOf(item)) ?: dao.nextEntityPosition(kind.name, eventId)
        dao.upsertEntity(entity(kind, eventId, item, position))
    }

    override fun remove(kind: Kind<*>, eventId: String, id: String) = dao.deleteEntity(kind.name, eventId, id)

    override fun cursor(eventId: String): Long = dao.cursor(eventId) ?: 0

    override fun setCursor(eventId: String, cursor: Long) = dao.upsertCursor(StoredCursor(eventId, cursor))

    override fun clear() = inTransaction {
        dao.deleteAllEntities()
        dao.deleteAllCursors()
        dao.deleteAllEvents()
    }

    override fun close() = database.close()

    private fun inTransaction(block: () -> Unit) = database.runInTransaction(Runnable { block() })

    private fun forget(eventId: String) {
        dao.deleteEntitiesOf(eventId)
        dao.deleteCursor(eventId)
        dao.deleteEvent(eventId)
    }

    private fun encode(event: Event) = json.encodeToString(Event.serializer(), event)

    private fun <T : Any> entity(kind: Kind<T>, eventId: String, item: T, position: Int) =
        StoredEntity(kind.name, eventId, kind.idOf(item), json.encodeToString(kind.serializer, item), position)

    companion object {
        fun open(context: Context): RoomStore =
            RoomStore(Room.databaseBuilder(context.applicationContext, StoreDatabase::class.java, "eventa.db").build())
    }
}
