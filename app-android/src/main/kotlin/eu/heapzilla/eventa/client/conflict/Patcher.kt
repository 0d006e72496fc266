package eu.heapzilla.eventa.client.conflict

import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.ApiException
import java.time.Clock
import java.time.Instant
import java.time.OffsetDateTime
import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull
import kotlinx.serialization.json.jsonObject

/**
 * Sends one entity's edits (PATCH with `version` plus only the changed fields) and settles
 * `409 version_conflict`s: when the people changed different fields the edit is re-applied on
 * the newer version without asking anyone; when they changed the same field the caller gets a
 * [PatchOutcome.Conflict] to show ("Gerda changed this 5 s ago", yours / theirs).
 *
 * One instance per entity: [send] PATCHes it, [fetch] GETs it (used only when a conflict does
 * not carry the current state), [versionOf] reads its version. Any other refusal is thrown as
 * the [ApiException] it is.
 */
class Patcher<T : Any>(
    private val serializer: KSerializer<T>,
    private val versionOf: (T) -> Long,
    private val send: suspend (JsonObject) -> T,
    private val fetch: suspend () -> T,
    private val clock: Clock = Clock.systemUTC(),
) {

    /** Applies [edit] (JSON field names; `JsonNull` clears) to the entity as [base] showed it. */
    suspend fun patch(base: T, edit: Map<String, JsonElement>): PatchOutcome<T> {
        val refused = try {
            return PatchOutcome.Saved(sendOn(base, edit), merged = false)
        } catch (e: ApiException) {
            if (!e.isVersionConflict) throw e
            e
        }
        val first = conflictOf(base, edit, refused)
        if (first.theirs.isNotEmpty()) {
            return first
        }
        return try {
            PatchOutcome.Saved(sendOn(first.current, edit), merged = true)
        } catch (e: ApiException) {
            if (!e.isVersionConflict) throw e
            conflictOf(base, edit, e)
        }
    }

    private suspend fun sendOn(base: T, edit: Map<String, JsonElement>): T =
        send(JsonObject(mapOf("version" to JsonPrimitive(versionOf(base))) + (edit - "version")))

    private suspend fun conflictOf(base: T, edit: Map<String, JsonElement>, refused: ApiException): PatchOutcome.Conflict<T> {
        val current = currentFrom(refused.info) ?: fetch()
        val theyChanged = changedFields(base, current)
        val changedBy = (refused.info["changed_by"] as? JsonObject)?.get("display_name")
        return PatchOutcome.Conflict(
            base = base,
            current = current,
            mine = edit - "version",
            theirs = (edit.keys - "version").filter { it in theyChanged }.associateWith { theyChanged.getValue(it) },
            changedBy = (changedBy as? JsonPrimitive)?.contentOrNull,
            changedAt = instantOf(refused.info["changed_at"]) ?: clock.instant(),
            patcher = this,
        )
    }

    private fun currentFrom(info: JsonObject): T? {
        val current = info["current"] as? JsonObject ?: return null
        return try {
            ApiClient.json.decodeFromJsonElement(serializer, current)
        } catch (e: SerializationException) {
            null
        } catch (e: IllegalArgumentException) {
            null
        }
    }

    /** The fields (JSON names) whose value differs between [base] and [current], with [current]'s values. */
    private fun changedFields(base: T, current: T): Map<String, JsonElement> {
        val before = ApiClient.json.encodeToJsonElement(serializer, base).jsonObject
        val now = ApiClient.json.encodeToJsonElement(serializer, current).jsonObject
        return (before.keys + now.keys)
            .filter { it !in BOOKKEEPING && before[it] != now[it] }
            .associateWith { now[it] ?: JsonNull }
    }

    private fun instantOf(value: JsonElement?): Instant? {
        val text = (value as? JsonPrimitive)?.contentOrNull ?: return null
        return runCatching { OffsetDateTime.parse(text).toInstant() }.getOrNull()
    }

    private companion object {
        /** Fields every write changes; a difference in them says nothing about what someone edited. */
        val BOOKKEEPING = setOf("version", "updated_at", "updated_by", "created_at", "created_by")
    }
}
