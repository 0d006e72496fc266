package eu.heapzilla.eventa.client.app

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.session.FileBearerVault
import eu.heapzilla.eventa.client.store.SqliteStore
import eu.heapzilla.eventa.client.testing.TestServer
import eu.heapzilla.eventa.client.testing.assertNoTag
import eu.heapzilla.eventa.client.testing.awaitTag
import eu.heapzilla.eventa.client.testing.awaitText
import eu.heapzilla.eventa.client.testing.awaitTrue
import eu.heapzilla.eventa.client.ui.ChecklistTags
import eu.heapzilla.eventa.client.ui.DashboardTags
import eu.heapzilla.eventa.client.ui.Destination
import eu.heapzilla.eventa.client.ui.EventListTags
import eu.heapzilla.eventa.client.ui.EventaApp
import eu.heapzilla.eventa.client.ui.GuestsTags
import eu.heapzilla.eventa.client.ui.SignInTags
import eu.heapzilla.eventa.client.ui.TimelineTags
import java.nio.file.Files
import java.time.LocalDate
import java.time.ZoneOffset
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
 * The app as a person uses it, headless, against a real server: sign in with the link from the
 * mail the server wrote, create an event, add a household and a guest (and set her RSVP), add an overdue task, tick
 * it off, and watch the timeline move it from "overdue" to "done".
 */
class SignInToTimelineUiTest {

    @get:Rule
    val compose = createComposeRule()

    private val dir = Files.createTempDirectory("eventa-ui")
    private lateinit var server: TestServer
    private lateinit var store: SqliteStore
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private lateinit var model: AppModel

    @Before
    fun start() {
        server = TestServer(dir.resolve("server"))
        store = SqliteStore.open(dir.resolve("client/store.db"))
        model = AppModel(server.url, FileBearerVault(dir.resolve("client/session.json")), store, scope)
    }

    @After
    fun stop() {
        model.stop()
        scope.cancel()
        store.close()
        server.close()
        dir.toFile().deleteRecursively()
    }

    @Test
    fun signInCreateAnEventAddAGuestAndATaskCompleteItAndTheTimelineFollows() {
        compose.setContent { EventaApp(model) }

        // Sign in: the address, then the link from the .eml pasted in whole.
        compose.onNodeWithTag(SignInTags.EMAIL).performTextInput("jane@example.org")
        compose.onNodeWithTag(SignInTags.SEND_LINK).performClick()
        compose.awaitTag(SignInTags.TOKEN)
        val token = server.signInTokenMailedTo("jane@example.org")
        compose.onNodeWithTag(SignInTags.TOKEN).performTextInput("${server.url}/verify?token=$token")
        compose.onNodeWithTag(SignInTags.VERIFY).performClick()
        compose.awaitTag(EventListTags.NEW_EVENT)
        assertEquals("jane@example.org", model.signedIn?.email)

        // A new event opens on its dashboard.
        compose.onNodeWithTag(EventListTags.NEW_EVENT).performClick()
        compose.onNodeWithTag(EventListTags.TITLE).performTextInput("Jane & Alex")
        compose.onNodeWithTag(EventListTags.CREATE).performClick()
        compose.awaitTag(DashboardTags.GUESTS_CARD)
        val event = model.openEvent.value!!.repository

        // A household and a guest in it.
        compose.onNodeWithTag(DashboardTags.GUESTS_CARD).performScrollTo().performClick()
        compose.awaitTag(GuestsTags.ADD_HOUSEHOLD)
        compose.onNodeWithTag(GuestsTags.ADD_HOUSEHOLD).performClick()
        compose.onNodeWithTag(GuestsTags.HOUSEHOLD_NAME).performTextInput("The Müllers")
        compose.onNodeWithTag(GuestsTags.HOUSEHOLD_SAVE).performClick()
        compose.awaitText("The Müllers")
        compose.onNodeWithTag(GuestsTags.ADD_GUEST).performClick()
        compose.onNodeWithTag(GuestsTags.GUEST_NAME).performTextInput("Ann Müller")
        compose.onNodeWithTag(GuestsTags.GUEST_SAVE).performClick()
        compose.awaitText("Ann Müller")
        val guests = runBlocking { signedInApi().guests(event.eventId).guests }
        assertEquals(listOf("Ann Müller"), guests.map { it.name })
        assertEquals(Rsvp.PENDING, guests.single().rsvp)
        val guestId = guests.single().id
        compose.onNodeWithTag(GuestsTags.rsvpChip(guestId)).performClick()
        compose.awaitTag(GuestsTags.rsvpOption(guestId, Rsvp.YES))
        compose.onNodeWithTag(GuestsTags.rsvpOption(guestId, Rsvp.YES)).performClick()
        awaitTrue("Ann's RSVP on the server") { runBlocking { signedInApi().guest(event.eventId, guestId) }.rsvp == Rsvp.YES }
        compose.onNodeWithTag(GuestsTags.BACK).performClick()

        // A task due yesterday: overdue on the timeline.
        val yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1)
        compose.awaitTag(DashboardTags.CHECKLIST_CARD)
        compose.onNodeWithTag(DashboardTags.CHECKLIST_CARD).performScrollTo().performClick()
        compose.awaitTag(ChecklistTags.ADD)
        compose.onNodeWithTag(ChecklistTags.ADD).performClick()
        compose.onNodeWithTag(ChecklistTags.TITLE).performTextInput("Book the florist")
        compose.onNodeWithTag(ChecklistTags.DUE).performTextInput(yesterday.toString())
        compose.onNodeWithTag(ChecklistTags.SAVE).performClick()
        compose.awaitText("Book the florist")
        val task = runBlocking { signedInApi().tasks(event.eventId).tasks.single() }
        assertEquals(yesterday.toString(), task.dueOn)

        openTimeline()
        compose.awaitTag(TimelineTags.bucket("overdue"))
        compose.onNodeWithTag(TimelineTags.task(task.id)).assertExists()
        compose.assertNoTag(TimelineTags.bucket("done"))

        // Ticked off in the checklist: the timeline moves it to "done".
        compose.onNodeWithTag(TimelineTags.BACK).performClick()
        compose.awaitTag(DashboardTags.CHECKLIST_CARD)
        compose.onNodeWithTag(DashboardTags.CHECKLIST_CARD).performScrollTo().performClick()
        compose.awaitTag(ChecklistTags.taskCheckbox(task.id))
        compose.onNodeWithTag(ChecklistTags.taskCheckbox(task.id)).performClick()
        awaitTrue("the task done") { event.tasks.value.valueOrNull()?.singleOrNull()?.done == true }
        assertTrue(runBlocking { signedInApi().task(event.eventId, task.id).done })

        openTimeline()
        compose.awaitTag(TimelineTags.bucket("done"))
        compose.onNodeWithTag(TimelineTags.task(task.id)).assertExists()
        compose.assertNoTag(TimelineTags.bucket("overdue"))
    }

    private fun openTimeline() {
        compose.onNodeWithTag(ChecklistTags.BACK).performClick()
        compose.awaitTag(DashboardTags.open(Destination.TIMELINE))
        compose.onNodeWithTag(DashboardTags.open(Destination.TIMELINE)).performScrollTo().performClick()
    }

    private fun signedInApi() = ApiClient(server.url, bearer = { model.signedIn?.bearer }).api
}
