package eu.heapzilla.eventa.client.app

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.HouseholdCreate
import eu.heapzilla.eventa.client.session.FileBearerVault
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.SqliteStore
import eu.heapzilla.eventa.client.sync.Device
import eu.heapzilla.eventa.client.testing.TestServer
import eu.heapzilla.eventa.client.testing.awaitGone
import eu.heapzilla.eventa.client.testing.awaitTag
import eu.heapzilla.eventa.client.testing.awaitText
import eu.heapzilla.eventa.client.testing.awaitTrue
import eu.heapzilla.eventa.client.testing.signIn
import eu.heapzilla.eventa.client.ui.DashboardTags
import eu.heapzilla.eventa.client.ui.EventListTags
import eu.heapzilla.eventa.client.ui.EventaApp
import eu.heapzilla.eventa.client.ui.GuestsTags
import java.nio.file.Files
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test

/**
 * The app opened again with its server gone: the event list and an event's guests show from the
 * offline store, marked as offline, through the same screens a person uses; once the server is
 * back, the app reconnects by itself and the marks go.
 */
class OfflineAppUiTest {

    @get:Rule
    val compose = createComposeRule()

    private val dir = Files.createTempDirectory("eventa-offline-ui")
    private val storeFile = dir.resolve("client/store.db")
    private val vault = FileBearerVault(dir.resolve("client/session.json"))
    private lateinit var server: TestServer
    private val scopes = mutableListOf<CoroutineScope>()

    @Before
    fun start() {
        server = TestServer(dir.resolve("server"))
    }

    @After
    fun stop() {
        scopes.forEach { it.cancel() }
        server.close()
        dir.toFile().deleteRecursively()
    }

    @Test
    fun withTheServerStoppedTheEventListAndAnEventsGuestsShowFromTheStore() {
        val bearer = Device.signIn(server, "mia@example.org")
        val api = ApiClient(server.url, bearer = { bearer }).api
        vault.signIn(server, bearer)
        val (eventId, guestIds) = runBlocking {
            val event = api.createEvent(EventCreate(title = "Mia's 30th"))
            val household = api.createHousehold(event.id, HouseholdCreate("The Kellers"))
            event.id to listOf("Mia", "Jonas").map { api.createGuest(event.id, GuestCreate(household.id, it)).id }
        }

        // The app's first run, online: it loads the list and the event into its store.
        SqliteStore.open(storeFile).use { store ->
            val online = appModel(store)
            online.start()
            awaitTrue("the list from the server") { online.events.events.value.let { it is Loadable.Ready && !it.offline && it.value.size == 1 } }
            online.open(eventId)
            awaitTrue("the guests from the server") { online.openEvent.value?.repository?.guests?.value.let { it is Loadable.Ready && !it.offline && it.value.size == 2 } }
            // Loaded in full: the cursor is stored last, after every list.
            awaitTrue("the cursor stored") { store.cursor(eventId) > 0 }
            online.stop()
        }

        server.stop()

        // The next run, with no server: the same screens, from the store.
        val store = SqliteStore.open(storeFile)
        try {
            val offline = appModel(store)
            compose.setContent { EventaApp(offline) }
            offline.start()
            compose.awaitTag(EventListTags.OFFLINE)
            compose.onNodeWithTag(EventListTags.event(eventId)).assertExists()
            compose.awaitText("Mia's 30th")

            compose.onNodeWithTag(EventListTags.event(eventId)).performClick()
            compose.awaitTag(DashboardTags.GUESTS_CARD)
            compose.onNodeWithTag(DashboardTags.GUESTS_CARD).performScrollTo().performClick()
            compose.awaitTag(GuestsTags.OFFLINE)
            guestIds.forEach { compose.onNodeWithTag(GuestsTags.guest(it)).assertExists() }
            compose.awaitText("Jonas")
            compose.awaitText("The Kellers")
            val guests = offline.openEvent.value!!.repository.guests.value
            assertTrue("$guests", guests is Loadable.Ready && guests.offline)
            assertEquals(listOf("Mia", "Jonas"), guests.valueOrNull()!!.map { it.name })

            // The server is back: the live connection reconnects and both lists are current again.
            server.start()
            awaitTrue("both lists current again", seconds = 40) {
                offline.openEvent.value!!.repository.guests.value.let { it is Loadable.Ready && !it.offline } &&
                    offline.events.events.value.let { it is Loadable.Ready && !it.offline }
            }
            compose.awaitGone(GuestsTags.OFFLINE)
            offline.stop()
        } finally {
            store.close()
        }
    }

    private fun appModel(store: SqliteStore): AppModel {
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default).also { scopes += it }
        return AppModel(server.url, vault, store, scope)
    }
}
