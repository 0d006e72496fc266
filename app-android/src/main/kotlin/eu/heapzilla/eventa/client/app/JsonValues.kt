package eu.heapzilla.eventa.client.app

import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.api.Rsvp
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive

/** Turns the values of a screen's edit ([eu.heapzilla.eventa.client.ui.components.Changes]) into the JSON the server takes. */
internal object JsonValues {

    fun of(value: Any?): JsonElement = when (value) {
        null -> JsonNull
        is JsonElement -> value
        is String -> JsonPrimitive(value)
        is Number -> JsonPrimitive(value)
        is Boolean -> JsonPrimitive(value)
        is Rsvp -> ApiClient.json.encodeToJsonElement(Rsvp.serializer(), value)
        is Role -> ApiClient.json.encodeToJsonElement(Role.serializer(), value)
        is java.time.LocalDate -> JsonPrimitive(value.toString())
        else -> throw IllegalArgumentException("no JSON for a ${value::class.simpleName}")
    }
}
