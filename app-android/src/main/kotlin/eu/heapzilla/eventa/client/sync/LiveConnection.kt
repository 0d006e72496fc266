package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.ApiException
import java.time.Duration
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asSharedFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import okhttp3.Request
import okhttp3.Response
import okhttp3.WebSocket
import okhttp3.WebSocketListener

/**
 * The one live WebSocket of a signed-in app (`/api/v1/ws`), kept open between [start] and
 * [stop] (window open, app in the foreground): it reconnects after every failure with [backoff]
 * and then subscribes again to every event asked for with [subscribe], each from its latest
 * cursor. What the server sends comes out of [messages]; a refused bearer (close code 4401)
 * ends in [LiveStatus.SignedOut] without further attempts.
 *
 * The upgrade request goes through [ApiClient.http], whose interceptor adds the bearer.
 */
class LiveConnection(
    client: ApiClient,
    private val scope: CoroutineScope,
    private val backoff: Backoff = Backoff(),
) {
    private val http = client.http.newBuilder().pingInterval(PING_INTERVAL).build()
    private val request = Request.Builder().url(client.liveUrl).build()
    private val lock = Any()

    /** Each subscribed event and where its data stands (asked again at every reconnect). */
    private val subscriptions = LinkedHashMap<String, () -> Long>()
    private var socket: WebSocket? = null
    private var started = false
    private var retry: Job? = null

    /** This connection's id from the server's `hello`, while connected: pass `{ connectionId }` to [ApiClient]. */
    @Volatile
    var connectionId: String? = null
        private set

    private val mutableStatus = MutableStateFlow<LiveStatus>(LiveStatus.Stopped)
    val status: StateFlow<LiveStatus> = mutableStatus.asStateFlow()

    private val mutableMessages = MutableSharedFlow<LiveMessage>(extraBufferCapacity = Channel.UNLIMITED)

    /** Every frame received, in order; collectors see the frames sent after they started collecting. */
    val messages: SharedFlow<LiveMessage> = mutableMessages.asSharedFlow()

    fun start(): Unit = synchronized(lock) {
        if (!started) {
            started = true
            connect()
        }
    }

    fun stop(): Unit = synchronized(lock) {
        started = false
        retry?.cancel()
        retry = null
        socket?.close(NORMAL_CLOSE, null)
        socket = null
        connectionId = null
        if (status.value != LiveStatus.SignedOut) mutableStatus.value = LiveStatus.Stopped
    }

    /** Follows [eventId] live from the cursor [since] gives, now if connected and after every reconnect. */
    fun subscribe(eventId: String, since: () -> Long): Unit = synchronized(lock) {
        subscriptions[eventId] = since
        if (connectionId != null) sendSubscribe(eventId, since())
    }

    fun unsubscribe(eventId: String): Unit = synchronized(lock) {
        if (subscriptions.remove(eventId) != null && connectionId != null) {
            socket?.send(buildJsonObject { put("type", "unsubscribe"); put("event_id", eventId) }.toString())
        }
    }

    private fun connect() {
        mutableStatus.value = LiveStatus.Connecting
        socket = http.newWebSocket(request, Listener())
    }

    private fun sendSubscribe(eventId: String, since: Long) {
        socket?.send(buildJsonObject { put("type", "subscribe"); put("event_id", eventId); put("since", since) }.toString())
    }

    private fun received(webSocket: WebSocket, message: LiveMessage): Unit = synchronized(lock) {
        if (webSocket !== socket) return
        when (message) {
            is LiveMessage.Hello -> {
                connectionId = message.connectionId
                backoff.reset()
                mutableStatus.value = LiveStatus.Live
                subscriptions.forEach { (eventId, since) -> sendSubscribe(eventId, since()) }
            }
            is LiveMessage.Revoked -> subscriptions.remove(message.eventId)
            else -> Unit
        }
        mutableMessages.tryEmit(message)
    }

    private fun ended(webSocket: WebSocket, signedOut: Boolean): Unit = synchronized(lock) {
        if (webSocket !== socket) return
        socket = null
        connectionId = null
        if (signedOut) {
            started = false
            mutableStatus.value = LiveStatus.SignedOut
        } else if (started) {
            val wait = backoff.next()
            mutableStatus.value = LiveStatus.Offline(wait.inWholeMilliseconds)
            retry = scope.launch {
                delay(wait)
                synchronized(lock) { if (started && socket == null) connect() }
            }
        }
    }

    private inner class Listener : WebSocketListener() {
        private var refused = false

        override fun onMessage(webSocket: WebSocket, text: String) {
            val message = runCatching { LiveMessage.parse(text) }.getOrNull() ?: return
            if (message is LiveMessage.Error && message.errorCode == AUTH_ERROR) refused = true
            received(webSocket, message)
        }

        override fun onClosing(webSocket: WebSocket, code: Int, reason: String) {
            webSocket.close(NORMAL_CLOSE, null)
            ended(webSocket, refused || code == AUTH_CLOSE)
        }

        override fun onClosed(webSocket: WebSocket, code: Int, reason: String) {
            ended(webSocket, refused || code == AUTH_CLOSE)
        }

        override fun onFailure(webSocket: WebSocket, t: Throwable, response: Response?) {
            // A refused upgrade: the interceptor of ApiClient turns the 401 into an ApiException.
            ended(webSocket, refused || response?.code == 401 || (t as? ApiException)?.isUnauthorized == true)
        }
    }

    private companion object {
        const val NORMAL_CLOSE = 1000
        const val AUTH_CLOSE = 4401
        const val AUTH_ERROR = "auth_error"
        val PING_INTERVAL: Duration = Duration.ofSeconds(20)
    }
}
