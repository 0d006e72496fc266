package eu.heapzilla.eventa.client.store

import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.Event
import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.sql.PreparedStatement

/**
 * The [Store] on the JVM (desktop app, tests): one SQLite database, a file or in memory, behind
 * one connection that every call takes in turn, each call one transaction.
 *
 * Lists keep the server's order: [replaceAll] and [replaceEvents] number the items as given, an
 * update keeps an item's place and [put] of a new item appends it.
 */
class SqliteStore private constructor(url: String) : Store {

    private val connection: Connection = DriverManager.getConnection(url).apply {
        createStatement().use { statement ->
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, json TEXT NOT NULL, sort INTEGER NOT NULL)")
            statement.executeUpdate(
                "CREATE TABLE IF NOT EXISTS entities (kind TEXT NOT NULL, event_id TEXT NOT NULL, id TEXT NOT NULL, " +
                    "json TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (kind, event_id, id))",
            )
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS cursors (event_id TEXT PRIMARY KEY, cursor INTEGER NOT NULL)")
        }
        autoCommit = false
    }

    @Synchronized
    override fun events(): List<Event> = query("SELECT json FROM events ORDER BY sort") {
        json.decodeFromString(Event.serializer(), it)
    }

    @Synchronized
    override fun replaceEvents(events: List<Event>) = transaction {
        val kept = events.map { it.id }.toSet()
        query("SELECT id FROM events") { it }.filter { it !in kept }.forEach(::forget)
        update("DELETE FROM events")
        events.forEachIndexed { index, event ->
            update("INSERT INTO events (id, json, sort) VALUES (?, ?, ?)", event.id, encode(event), index)
        }
    }

    @Synchronized
    override fun putEvent(event: Event) = transaction {
        update(
            "INSERT INTO events (id, json, sort) VALUES (?, ?, (SELECT COALESCE(MAX(sort) + 1, 0) FROM events)) " +
                "ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            event.id, encode(event),
        )
    }

    @Synchronized
    override fun removeEvent(eventId: String) = transaction { forget(eventId) }

    @Synchronized
    override fun <T : Any> list(kind: Kind<T>, eventId: String): List<T> =
        query("SELECT json FROM entities WHERE kind = ? AND event_id = ? ORDER BY position", kind.name, eventId) {
            json.decodeFromString(kind.serializer, it)
        }

    @Synchronized
    override fun <T : Any> replaceAll(kind: Kind<T>, eventId: String, items: List<T>) = transaction {
        update("DELETE FROM entities WHERE kind = ? AND event_id = ?", kind.name, eventId)
        items.forEachIndexed { index, item ->
            update(
                "INSERT OR REPLACE INTO entities (kind, event_id, id, json, position) VALUES (?, ?, ?, ?, ?)",
                kind.name, eventId, kind.idOf(item), json.encodeToString(kind.serializer, item), index,
            )
        }
    }

    @Synchronized
    override fun <T : Any> put(kind: Kind<T>, eventId: String, item: T) = transaction {
        update(
            "INSERT INTO entities (kind, event_id, id, json, position) VALUES (?, ?, ?, ?, " +
                "(SELECT COALESCE(MAX(position) + 1, 0) FROM entities WHERE kind = ? AND event_id = ?)) " +
                "ON CONFLICT (kind, event_id, id) DO UPDATE SET json = excluded.json",
            kind.name, eventId, kind.idOf(item), json.encodeToString(kind.serializer, item), kind.name, eventId,
        )
    }

    @Synchronized
    override fun remove(kind: Kind<*>, eventId: String, id: String) = transaction {
        update("DELETE FROM entities WHERE kind = ? AND event_id = ? AND id = ?", kind.name, eventId, id)
    }

    @Synchronized
    override fun cursor(eventId: String): Long =
        query("SELECT cursor FROM cursors WHERE event_id = ?", eventId) { it.toLong() }.singleOrNull() ?: 0

    @Synchronized
    override fun setCursor(eventId: String, cursor: Long) = transaction {
        update(
            "INSERT INTO cursors (event_id, cursor) VALUES (?, ?) ON CONFLICT (event_id) DO UPDATE SET cursor = excluded.cursor",
            eventId, cursor,
        )
    }

    @Synchronized
    override fun clear() = transaction {
        update("DELETE FROM entities")
        update("DELETE FROM cursors")
        update("DELETE FROM events")
    }

    @Synchronized
    override fun close() = connection.close()

    private fun forget(eventId: String) {
        update("DELETE FROM entities WHERE event_id = ?", eventId)
        update("DELETE FROM cursors WHERE event_id = ?", eventId)
        update("DELETE FROM events WHERE id = ?", eventId)
    }

    private fun transaction(work: () -> Unit) {
        try {
            work()
            connection.commit()
        } catch (e: Throwable) {
            connection.rollback()
            throw e
        }
    }

    private fun update(sql: String, vararg args: Any) {
        connection.prepareStatement(sql).use { it.bind(args).executeUpdate() }
    }

    /** Reads the first column of every row as text and maps it. */
    private fun <R> query(sql: String, vararg args: Any, map: (String) -> R): List<R> {
        val rows = connection.prepareStatement(sql).use { statement ->
            statement.bind(args).executeQuery().use { result ->
                buildList { while (result.next()) add(result.getString(1)) }
            }
        }
        // Reads end the implicit transaction, so that a file's readers never hold a lock.
        connection.commit()
        return rows.map(map)
    }

    private fun PreparedStatement.bind(args: Array<out Any>): PreparedStatement = apply {
        args.forEachIndexed { index, value -> setObject(index + 1, value) }
    }

    private fun encode(event: Event): String = json.encodeToString(Event.serializer(), event)

    companion object {
        private val json = ApiClient.json

        /** The store in the file at [path], created (with its folders) when it does not exist. */
        fun open(path: Path): SqliteStore {
            path.toAbsolutePath().parent?.let { Files.createDirectories(it) }
            return SqliteStore("jdbc:sqlite:${path.toAbsolutePath()}")
        }

        /** A store that lives as long as this object (tests, a session that keeps nothing). */
        fun inMemory(): SqliteStore = SqliteStore("jdbc:sqlite::memory:")
    }
}
