package eu.heapzilla.eventa.client.api

import java.io.IOException
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.intOrNull
import kotlinx.serialization.json.jsonPrimitive

/**
 * The server refused a request and said why, in its error shape. An `IOException` so that OkHttp
 * hands it through to the caller of a suspending call unchanged.
 */
class ApiException(
    val status: Int,
    val errorCode: String,
    val detail: String,
    val info: JsonObject,
    val retryAfterSeconds: Int? = null,
) : IOException("$status $errorCode: $detail") {

    /** The field a `validation_error` names, if any. */
    val field: String? get() = info["field"]?.jsonPrimitive?.content

    val isVersionConflict: Boolean get() = status == 409 && errorCode == "version_conflict"

    val isUnauthorized: Boolean get() = status == 401

    internal companion object {
        fun retryAfter(header: String?, info: JsonObject): Int? =
            header?.trim()?.toIntOrNull() ?: info["retry_after_seconds"]?.jsonPrimitive?.intOrNull
    }
}
