package eu.heapzilla.eventa.android

import androidx.room.ColumnInfo
import androidx.room.Dao
import androidx.room.Database
import androidx.room.Entity
import androidx.room.Insert
import androidx.room.PrimaryKey
import androidx.room.Query
import androidx.room.RoomDatabase
import androidx.room.Upsert

// The Room side of RoomStore: the same three tables the JVM store keeps, the server's JSON as text.

/** One item of a per-event kind (guest, task, …), in the order the server listed it. */
@Entity(tableName = "stored_entity", primaryKeys = ["kind", "event_id", "id"])
data class StoredEntity(
    val kind: String,
    @ColumnInfo(name = "event_id") val eventId: String,
    val id: String,
    val json: String,
    val position: Int,
)

/** One event this person belongs to. */
@Entity(tableName = "stored_event")
data class StoredEvent(@PrimaryKey val id: String, val json: String, val position: Int)

/** The last change of an event the store reflects. */
@Entity(tableName = "cursor")
data class StoredCursor(@PrimaryKey @ColumnInfo(name = "event_id") val eventId: String, val seq: Long)

/** Queries of [RoomStore]; it wraps multi-statement writes in transactions. */
@Dao
interface StoreDao {

    @Query("SELECT json FROM stored_event ORDER BY position")
    fun eventJsons(): List<String>

    @Query("SELECT id FROM stored_event")
    fun eventIds(): List<String>

    @Query("SELECT position FROM stored_event WHERE id = :id")
    fun eventPosition(id: String): Int?

    @Query("SELECT COALESCE(MAX(position), -1) + 1 FROM stored_event")
    fun nextEventPosition(): Int

    @Upsert
    fun upsertEvent(event: StoredEvent)

    @Query("DELETE FROM stored_event WHERE id = :id")
    fun deleteEvent(id: String)

    @Query("SELECT json FROM stored_entity WHERE kind = :kind AND event_id = :eventId ORDER BY position")
    fun entityJsons(kind: String, eventId: String): List<String>

    @Query("SELECT position FROM stored_entity WHERE kind = :kind AND event_id = :eventId AND id = :id")
    fun entityPosition(kind: String, eventId: String, id: String): Int?

    @Query("SELECT COALESCE(MAX(position), -1) + 1 FROM stored_entity WHERE kind = :kind AND event_id = :eventId")
    fun nextEntityPosition(kind: String, eventId: String): Int

    @Insert
    fun insertEntities(entities: List<StoredEntity>)

    @Upsert
    fun upsertEntity(entity: StoredEntity)

    @Query("DELETE FROM stored_entity WHERE kind = :kind AND event_id = :eventId AND id = :id")
    fun deleteEntity(kind: String, eventId: String, id: String)

    @Query("DELETE FROM stored_entity WHERE kind = :kind AND event_id = :eventId")
    fun deleteKind(kind: String, eventId: String)

    @Query("DELETE FROM stored_entity WHERE event_id = :eventId")
    fun deleteEntitiesOf(eventId: String)

    @Query("SELECT seq FROM cursor WHERE event_id = :eventId")
    fun cursor(eventId: String): Long?

    @Upsert
    fun upsertCursor(cursor: StoredCursor)

    @Query("DELETE FROM cursor WHERE event_id = :eventId")
    fun deleteCursor(eventId: String)

    @Query("DELETE FROM stored_event")
    fun deleteAllEvents()

    @Query("DELETE FROM stored_entity")
    fun deleteAllEntities()

    @Query("DELETE FROM cursor")
    fun deleteAllCursors()
}

/** The offline store's database file (`eventa.db`). */
@Database(entities = [StoredEntity::class, StoredEvent::class, StoredCursor::class], version = 1)
abstract class StoreDatabase : RoomDatabase() {
    abstract fun store(): StoreDao
}
