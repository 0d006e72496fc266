package eu.heapzilla.eventa.client.app

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive

/**
 * Turns the values of a screen's edit ([eu.heapzilla.eventa.client.ui.components.Changes]: text,
 * numbers, booleans, enums already as their wire names, null to clear) into the JSON the server takes.
 */
internal object JsonValues {

    fun of(value: Any?): JsonElement = when (value) {
        null -> JsonNull
        is String -> JsonPrimitive(value)
        is Number -> JsonPrimitive(value)
        is Boolean -> JsonPrimitive(value)
        else -> throw IllegalArgumentException("no JSON for a ${value::class.simpleName}")
    }
}
