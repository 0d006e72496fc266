package eu.heapzilla.eventa.client.api

import java.time.Duration
import kotlinx.serialization.json.Json
import okhttp3.Interceptor
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Response
import retrofit2.Retrofit
import retrofit2.converter.kotlinx.serialization.asConverterFactory

/**
 * Builds the [EventaApi] for one server: one [OkHttpClient] (shared with the live connection),
 * the bearer on every request, this device's live connection id on every write, and refusals
 * turned into [ApiException].
 */
class ApiClient(
    baseUrl: String,
    private val bearer: () -> String?,
    private val connectionId: () -> String? = { null },
    http: OkHttpClient = OkHttpClient(),
) {
    val serverUrl: String = baseUrl.trimEnd('/')

    val http: OkHttpClient = http.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .addInterceptor(::addHeaders)
        .addInterceptor(::raiseRefusals)
        .build()

    val api: EventaApi = Retrofit.Builder()
        .baseUrl("$serverUrl/api/v1/")
        .client(this.http)
        .addConverterFactory(json.asConverterFactory("application/json".toMediaType()))
        .build()
        .create(EventaApi::class.java)

    /** `ws://…/api/v1/ws` or `wss://…` for the same server. */
    val liveUrl: String = serverUrl.replaceFirst(Regex("^http"), "ws") + "/api/v1/ws"

    private fun addHeaders(chain: Interceptor.Chain): Response {
        val request = chain.request().newBuilder()
        bearer()?.let { request.header("Authorization", "Bearer $it") }
        if (chain.request().method != "GET") {
            connectionId()?.let { request.header("X-Eventa-Connection", it) }
        }
        return chain.proceed(request.build())
    }

    private fun raiseRefusals(chain: Interceptor.Chain): Response {
        val response = chain.proceed(chain.request())
        // 101: the live connection's WebSocket upgrade, which runs through these interceptors too.
        if (response.isSuccessful || response.code == 304 || response.code == 101) {
            return response
        }
        val text = response.body?.string().orEmpty()
        val retryAfter = response.header("Retry-After")
        response.close()
        val body = runCatching { json.decodeFromString(ErrorBody.serializer(), text) }.getOrNull()
            ?: ErrorBody(detail = text.ifBlank { "HTTP ${response.code}" }, errorCode = "http_${response.code}")
        throw ApiException(response.code, body.errorCode, body.detail, body.info, ApiException.retryAfter(retryAfter, body.info))
    }

    companion object {
        /** The JSON settings every part of the client reads and writes the server's JSON with. */
        val json: Json = Json {
            ignoreUnknownKeys = true
            explicitNulls = false
            encodeDefaults = false
        }
    }
}
