package eu.heapzilla.eventa.client.app

import eu.heapzilla.eventa.client.api.AcceptRequest
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.ApiException
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.api.MagicLinkRequest
import eu.heapzilla.eventa.client.api.User
import eu.heapzilla.eventa.client.api.VerifyRequest
import eu.heapzilla.eventa.client.session.BearerVault
import eu.heapzilla.eventa.client.session.StoredSession
import eu.heapzilla.eventa.client.store.Store
import eu.heapzilla.eventa.client.sync.EventsRepository
import eu.heapzilla.eventa.client.sync.LiveConnection
import eu.heapzilla.eventa.client.sync.LiveMessage
import eu.heapzilla.eventa.client.sync.LiveStatus
import eu.heapzilla.eventa.client.sync.messageFor
import eu.heapzilla.eventa.client.ui.Destination
import eu.heapzilla.eventa.client.ui.SignInStep
import java.io.IOException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/**
 * The app's state holder: who is signed in, which screen is shown, the event list, the live
 * connection and the open event. Platform code (the desktop window, Android's activity) builds
 * one, calls [start] when the app comes to the foreground and [stop] when it leaves, and draws
 * it with `EventaApp`.
 */
class AppModel(
    serverUrl: String,
    private val vault: BearerVault,
    private val store: Store,
    private val scope: CoroutineScope,
    private val deviceLabel: String = "eventa desktop",
) {
    private val session = MutableStateFlow(vault.load()?.takeIf { it.serverUrl == serverUrl.trimEnd('/') })

    @Volatile
    private var liveRef: LiveConnection? = null

    val client = ApiClient(serverUrl, bearer = { session.value?.bearer }, connectionId = { liveRef?.connectionId })
    val live = LiveConnection(client, scope).also { liveRef = it }
    val events = EventsRepository(client.api, store)

    private val mutableScreen = MutableStateFlow<Screen>(if (session.value == null) Screen.SignIn else Screen.Events)
    val screen: StateFlow<Screen> = mutableScreen.asStateFlow()

    private val mutableSignIn = MutableStateFlow<SignInStep>(SignInStep.EnterEmail())
    val signInStep: StateFlow<SignInStep> = mutableSignIn.asStateFlow()

    private val mutableNotice = MutableStateFlow<String?>(null)

    /** A sentence to show briefly (a refused write, a lost connection); [dismissNotice] clears it. */
    val notice: StateFlow<String?> = mutableNotice.asStateFlow()

    private val mutableOpen = MutableStateFlow<EventModel?>(null)

    /** The event whose screens are shown, while one is. */
    val openEvent: StateFlow<EventModel?> = mutableOpen.asStateFlow()

    val signedIn: StoredSession? get() = session.value

    init {
        scope.launch {
            live.status.collect { if (it == LiveStatus.SignedOut) signOut(tellServer = false) }
        }
        // Connected again (or for the first time): the list may have changed meanwhile.
        scope.launch {
            live.messages.collect { if (it is LiveMessage.Hello) events.refresh() }
        }
    }

    /** The app came to the foreground: follow changes live and load the event list. */
    fun start() {
        if (session.value == null) return
        live.start()
        scope.launch { events.refresh() }
    }

    /** The app left the foreground: close the live connection (the stored cursor stays). */
    fun stop() = live.stop()

    fun requestLink(email: String) {
        mutableSignIn.value = SignInStep.EnterEmail(email, sending = true)
        scope.launch {
            mutableSignIn.value = try {
                client.api.requestMagicLink(MagicLinkRequest(email))
                SignInStep.CheckMail(email)
            } catch (e: IOException) {
                SignInStep.EnterEmail(email, error = messageFor(e))
            }
        }
    }

    /** Trades the token of a sign-in link for a bearer, stores it and opens the event list. */
    fun verify(token: String) {
        val email = currentEmail()
        mutableSignIn.value = SignInStep.Verifying(email)
        scope.launch {
            try {
                val signedIn = client.api.verify(VerifyRequest(token, deviceLabel))
                begin(signedIn.bearer, signedIn.user)
            } catch (e: IOException) {
                mutableSignIn.value = SignInStep.Failed(email, messageFor(e))
            }
        }
    }

    /** Joins an event from an invite link's token (signing in as the invited person) and opens it. */
    fun acceptInvite(token: String) {
        scope.launch {
            try {
                val joined = client.api.acceptInvite(token, AcceptRequest(deviceLabel))
                begin(joined.bearer, joined.user)
                open(joined.membership.eventId)
            } catch (e: IOException) {
                mutableNotice.value = messageFor(e)
            }
        }
    }

    fun startOver() {
        mutableSignIn.value = SignInStep.EnterEmail(currentEmail())
    }

    private fun currentEmail(): String = when (val step = mutableSignIn.value) {
        is SignInStep.EnterEmail -> step.email
        is SignInStep.CheckMail -> step.email
        is SignInStep.Verifying -> step.email
        is SignInStep.Failed -> step.email
    }

    private fun begin(bearer: String, user: User) {
        val stored = StoredSession(client.serverUrl, bearer, user.id, user.email, user.displayName)
        if (session.value?.userId != user.id) store.clear()
        vault.save(stored)
        session.value = stored
        mutableSignIn.value = SignInStep.EnterEmail()
        mutableScreen.value = Screen.Events
        start()
    }

    fun createEvent(body: EventCreate) {
        scope.launch {
            try {
                open(events.create(body).id)
            } catch (e: IOException) {
                failed(e)
            }
        }
    }

    /** Opens an event's dashboard; its data shows from the store at once, then from the server. */
    fun open(eventId: String) {
        val current = mutableOpen.value
        if (current?.eventId != eventId) {
            current?.close()
            val model = EventModel(eventId, client, store, live, scope, ::failed) { session.value?.userId }
            mutableOpen.value = model
            scope.launch { model.open() }
        }
        mutableScreen.value = Screen.Dashboard(eventId)
    }

    fun navigate(destination: Destination) {
        val eventId = mutableOpen.value?.eventId ?: return
        mutableScreen.value = Screen.Section(eventId, destination)
    }

    /** Goes up one screen; leaving the dashboard closes the event. */
    fun back() {
        val up = mutableScreen.value.up() ?: return
        if (up == Screen.Events) {
            mutableOpen.value?.close()
            mutableOpen.value = null
            scope.launch { events.refresh() }
        }
        mutableScreen.value = up
    }

    /** A push said [eventId] changed: catch the open event up now, or refresh the event list. */
    suspend fun syncNow(eventId: String) {
        val open = mutableOpen.value
        try {
            if (open?.eventId == eventId) open.repository.catchUp() else events.refresh()
        } catch (e: IOException) {
            failed(e)
        }
    }

    fun retryEvents() {
        scope.launch { events.refresh() }
    }

    fun dismissNotice() {
        mutableNotice.value = null
    }

    /** Forgets the bearer and everything stored, and shows the sign-in screen. */
    fun signOut(tellServer: Boolean = true) {
        if (session.value == null) return
        val leaving = session.value
        live.stop()
        mutableOpen.value?.close()
        mutableOpen.value = null
        if (tellServer && leaving != null) {
            val asThem = ApiClient(client.serverUrl, bearer = { leaving.bearer }, http = client.http)
            scope.launch { runCatching { asThem.api.logout() } }
        }
        session.value = null
        vault.clear()
        store.clear()
        mutableScreen.value = Screen.SignIn
    }

    private fun failed(e: IOException) {
        if (e is ApiException && e.isUnauthorized) {
            signOut(tellServer = false)
            return
        }
        mutableNotice.value = messageFor(e)
    }
}
