package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.Change
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long

/** A frame the server sent on the live WebSocket (DESIGN §5), as the client uses it. */
sealed interface LiveMessage {

    /** The event the message is about, if any. */
    val eventId: String?

    /** First frame of every connection: the id to send as `X-Eventa-Connection` on writes. */
    data class Hello(val connectionId: String) : LiveMessage {
        override val eventId: String? get() = null
    }

    /** The changes after `since` were replayed; [cursor] is the newest. */
    data class Subscribed(override val eventId: String, val cursor: Long) : LiveMessage

    data class Changed(val change: Change) : LiveMessage {
        override val eventId: String get() = change.eventId
    }

    data class Presence(override val eventId: String, val userId: String, val online: Boolean) : LiveMessage

    /** This person's access to the event ended. */
    data class Revoked(override val eventId: String) : LiveMessage

    /** The client fell too far behind: catch up from the change feed and subscribe again. */
    data class Resync(override val eventId: String) : LiveMessage

    data class Error(val errorCode: String, val detail: String, override val eventId: String?) : LiveMessage

    companion object {
        /** The message in [text], or null for frames the client has no use for (`pong`, `unsubscribed`, unknown). */
        fun parse(text: String): LiveMessage? {
            val frame = ApiClient.json.parseToJsonElement(text).jsonObject
            val eventId = frame.text("event_id")
            return when (frame.text("type")) {
                "hello" -> Hello(frame.text("connection_id")!!)
                "subscribed" -> Subscribed(eventId!!, frame["cursor"]!!.jsonPrimitive.long)
                "change" -> Changed(ApiClient.json.decodeFromJsonElement(Change.serializer(), frame))
                "presence" -> Presence(eventId!!, frame.text("user_id")!!, frame.text("online").toBoolean())
                "revoked" -> Revoked(eventId!!)
                "resync" -> Resync(eventId!!)
                "error" -> Error(frame.text("error_code").orEmpty(), frame.text("detail").orEmpty(), eventId)
                else -> null
            }
        }

        private fun JsonObject.text(key: String): String? = this[key]?.jsonPrimitive?.content
    }
}
