package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.api.AcceptRequest
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.InviteRequest
import eu.heapzilla.eventa.client.api.MagicLinkRequest
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.api.VerifyRequest
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.SqliteStore
import eu.heapzilla.eventa.client.store.Store
import eu.heapzilla.eventa.client.testing.TestServer
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import okhttp3.OkHttpClient

/**
 * One signed-in app in a test: its own HTTP client, store, live connection and scope, exactly as
 * the app wires them ([ApiClient] sends the live connection's id on writes). [requests] counts
 * the requests it made by path, to see what a sync fetched.
 */
internal class Device(server: TestServer, val bearer: String, val store: Store = SqliteStore.inMemory()) : AutoCloseable {
    val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    val requests = java.util.concurrent.ConcurrentHashMap<String, AtomicInteger>()
    private val counting = OkHttpClient.Builder().addInterceptor { chain ->
        requests.computeIfAbsent(chain.request().method + " " + chain.request().url.encodedPath) { AtomicInteger() }.incrementAndGet()
        chain.proceed(chain.request())
    }.build()
    val client: ApiClient = ApiClient(server.url, bearer = { bearer }, connectionId = { live.connectionId }, http = counting)
    val api = client.api
    val live: LiveConnection = LiveConnection(client, scope, Backoff(base = 50.milliseconds, cap = 500.milliseconds))

    fun repository(eventId: String) = EventRepository(eventId, api, store, live, scope)

    fun requestsTo(path: String): Int = requests.filterKeys { it.endsWith(path) }.values.sumOf { it.get() }

    override fun close() {
        live.stop()
        scope.cancel()
        store.close()
    }

    companion object {
        fun signIn(server: TestServer, email: String): String = runBlocking {
            val anonymous = ApiClient(server.url, bearer = { null }).api
            anonymous.requestMagicLink(MagicLinkRequest(email))
            anonymous.verify(VerifyRequest(server.signInTokenMailedTo(email), "test")).bearer
        }

        /** The owner invites [email]; that person joins through the mailed link and gets a bearer. */
        fun join(server: TestServer, owner: Device, eventId: String, email: String, role: Role = Role.EDITOR): String = runBlocking {
            val mails = server.mails()
            owner.api.invite(eventId, InviteRequest(email, role))
            val token = server.inviteTokenMailedTo(email, notBefore = mails)
            ApiClient(server.url, bearer = { null }).api.acceptInvite(token, AcceptRequest("test")).bearer
        }
    }
}

/** Waits (up to [seconds]) for [flow] to hold a value [matches] accepts, and answers it. */
internal suspend fun <T> StateFlow<T>.await(seconds: Int = 10, matches: (T) -> Boolean): T =
    withTimeout(seconds.seconds) { first(matches) }

/** The ready value of [flow] once it satisfies [matches]. */
internal suspend fun <T> StateFlow<Loadable<T>>.awaitReady(seconds: Int = 10, matches: (T) -> Boolean = { true }): T =
    await(seconds) { it is Loadable.Ready && matches(it.value) }.valueOrNull()!!
