package eu.heapzilla.eventa.client.app

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.api.ProfilePatch
import eu.heapzilla.eventa.client.session.FileBearerVault
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.SqliteStore
import eu.heapzilla.eventa.client.sync.Device
import eu.heapzilla.eventa.client.testing.TestServer
import eu.heapzilla.eventa.client.testing.assertNoTag
import eu.heapzilla.eventa.client.testing.awaitGone
import eu.heapzilla.eventa.client.testing.awaitTag
import eu.heapzilla.eventa.client.testing.awaitValue
import eu.heapzilla.eventa.client.testing.signIn
import eu.heapzilla.eventa.client.ui.ConflictTags
import eu.heapzilla.eventa.client.ui.EventaApp
import java.nio.file.Files
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Rule
import org.junit.Test

/**
 * Jane's app edits the brief on a copy Gerda has changed since (Jane's live connection is
 * stopped, so her copy stays stale): a different field is merged without a word; the same field
 * brings up "Gerda changed this … ago" with both values, and "Keep mine" wins on the server.
 */
class ConflictUiTest {

    @get:Rule
    val compose = createComposeRule()

    private val dir = Files.createTempDirectory("eventa-conflict-ui")
    private lateinit var server: TestServer
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val store = SqliteStore.inMemory()

    @Before
    fun start() {
        server = TestServer(dir.resolve("server"))
    }

    @After
    fun stop() {
        scope.cancel()
        store.close()
        server.close()
        dir.toFile().deleteRecursively()
    }

    @Test
    fun aDifferentFieldMergesSilentlyAndTheSameFieldAsksWhoseValueToKeep() {
        val gerdaBearer = Device.signIn(server, "gerda@example.org")
        val gerda = ApiClient(server.url, bearer = { gerdaBearer }).api
        val eventId = runBlocking {
            gerda.editMe(ProfilePatch("Gerda"))
            gerda.createEvent(EventCreate(title = "Summer reunion")).id
        }
        val owner = Device(server, gerdaBearer)
        val janeBearer = Device.join(server, owner, eventId, "jane@example.org")
        owner.close()
        val vault = FileBearerVault(dir.resolve("jane/session.json"))
        vault.signIn(server, janeBearer)
        val jane = AppModel(server.url, vault, store, scope)
        compose.setContent { EventaApp(jane) }
        jane.open(eventId)
        val event = awaitValue("the event loaded") { jane.openEvent.value?.repository?.event?.value?.takeIf { it is Loadable.Ready }?.valueOrNull() }
        val model = jane.openEvent.value!!

        // Gerda sets the location; Jane, still on the old version, sets the notes: both stay.
        runBlocking { gerda.editEvent(eventId, buildJsonObject { put("version", event.version); put("location", "Lake Hall") }) }
        model.saveBrief(mapOf("notes" to "Bring photos"))
        val merged = awaitValue("the merged notes on the server") { runBlocking { gerda.event(eventId) }.takeIf { it.notes == "Bring photos" } }
        assertEquals("Lake Hall", merged.location)
        assertNull(model.conflict.value)
        compose.assertNoTag(ConflictTags.DIALOG)

        // Both change the title: Jane is asked, sees Gerda's value and her own, and keeps hers.
        val base = awaitValue("Jane's copy at the merged version") { model.repository.event.value.valueOrNull()?.takeIf { it.version == merged.version } }
        runBlocking { gerda.editEvent(eventId, buildJsonObject { put("version", base.version); put("title", "Reunion at the lake") }) }
        model.saveBrief(mapOf("title" to "Reunion 2027"))
        compose.awaitTag(ConflictTags.DIALOG)
        val description = compose.onNodeWithTag(ConflictTags.DESCRIPTION).fetchSemanticsNode().config.toString()
        assertTrue(description, Regex("Gerda changed this \\d+ s ago").containsMatchIn(description))
        assertTrue(compose.onNodeWithTag(ConflictTags.THEIRS + "title").fetchSemanticsNode().config.toString().contains("Reunion at the lake"))
        assertTrue(compose.onNodeWithTag(ConflictTags.YOURS + "title").fetchSemanticsNode().config.toString().contains("Reunion 2027"))
        compose.onNodeWithTag(ConflictTags.KEEP_MINE).performClick()
        awaitValue("Jane's title on the server") { runBlocking { gerda.event(eventId) }.takeIf { it.title == "Reunion 2027" } }
        compose.awaitGone(ConflictTags.DIALOG)
        awaitValue("Jane's copy with her title") { model.repository.event.value.valueOrNull()?.takeIf { it.title == "Reunion 2027" } }
    }
}
