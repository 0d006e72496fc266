package eu.heapzilla.eventa.client.conflict

import eu.heapzilla.eventa.client.api.AcceptRequest
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.ApiException
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.HouseholdCreate
import eu.heapzilla.eventa.client.api.InviteRequest
import eu.heapzilla.eventa.client.api.MagicLinkRequest
import eu.heapzilla.eventa.client.api.ProfilePatch
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.TaskCreate
import eu.heapzilla.eventa.client.api.VerifyRequest
import eu.heapzilla.eventa.client.testing.TestServer
import java.nio.file.Path
import java.time.Instant
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir

/**
 * [Patcher] against a real server with two people on one event: Gerda (the owner) and Jane
 * (invited), each editing from what they read before the other's change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatcherTest {

    private lateinit var server: TestServer
    private lateinit var gerda: ApiClient
    private lateinit var jane: ApiClient
    private lateinit var eventId: String

    @BeforeAll
    fun start(@TempDir dir: Path) = runBlocking<Unit> {
        server = TestServer(dir.resolve("data"))
        gerda = signedIn("gerda@example.org")
        gerda.api.editMe(ProfilePatch("Gerda"))
        eventId = gerda.api.createEvent(EventCreate(title = "Gerda & Jane", date = "2027-06-12", currency = "EUR")).id
        gerda.api.invite(eventId, InviteRequest("jane@example.org"))
        val joined = ApiClient(server.url, bearer = { null }).api
            .acceptInvite(server.inviteTokenMailedTo("jane@example.org"), AcceptRequest("test"))
        jane = ApiClient(server.url, bearer = { joined.bearer })
        jane.api.editMe(ProfilePatch("Jane"))
    }

    @AfterAll
    fun stop() = server.close()

    private suspend fun signedIn(email: String): ApiClient {
        val anonymous = ApiClient(server.url, bearer = { null })
        anonymous.api.requestMagicLink(MagicLinkRequest(email))
        val signedIn = anonymous.api.verify(VerifyRequest(server.signInTokenMailedTo(email), "test"))
        return ApiClient(server.url, bearer = { signedIn.bearer })
    }

    private fun tasks(client: ApiClient, id: String) = Patcher(
        Task.serializer(), Task::version,
        send = { client.api.editTask(eventId, id, it) },
        fetch = { client.api.task(eventId, id) },
    )

    private fun edit(vararg fields: Pair<String, String?>): Map<String, JsonElement> =
        fields.associate { (name, value) -> name to (value?.let(::JsonPrimitive) ?: JsonNull) }

    private suspend fun newTask(title: String): Task = gerda.api.createTask(eventId, TaskCreate(title, dueOn = "2027-05-01"))

    private suspend fun gerdaAddsNotes(taskId: String, notes: String) {
        val now = gerda.api.task(eventId, taskId)
        gerda.api.editTask(eventId, taskId, JsonObject(mapOf("version" to JsonPrimitive(now.version), "notes" to JsonPrimitive(notes))))
    }

    @Test
    fun differentFieldsMergeSilently() = runBlocking<Unit> {
        val task = newTask("Book the florist")
        val janesCopy = jane.api.task(eventId, task.id)
        assertInstanceOf(PatchOutcome.Saved::class.java, tasks(gerda, task.id).patch(task, edit("title" to "Book the florist (roses)")))

        val outcome = tasks(jane, task.id).patch(janesCopy, edit("due_on" to "2027-04-20"))

        val saved = assertInstanceOf(PatchOutcome.Saved::class.java, outcome)
        assertEquals(true, saved.merged)
        val onServer = gerda.api.task(eventId, task.id)
        assertEquals("Book the florist (roses)", onServer.title)
        assertEquals("2027-04-20", onServer.dueOn)
        assertEquals(onServer, saved.value)
    }

    @Test
    fun anEditOnTheLatestVersionIsSavedWithoutMerging() = runBlocking<Unit> {
        val task = newTask("Order the cake")
        val saved = tasks(jane, task.id).patch(task, edit("notes" to "Lemon"))
        assertEquals(PatchOutcome.Saved(gerda.api.task(eventId, task.id), merged = false), saved)
        assertEquals("Lemon", (saved as PatchOutcome.Saved).value.notes)
    }

    @Test
    fun theSameFieldIsAConflictThatKeepMineResolves() = runBlocking<Unit> {
        val task = newTask("Hire a band")
        val janesCopy = jane.api.task(eventId, task.id)
        tasks(gerda, task.id).patch(task, edit("title" to "Hire a jazz band"))

        val conflict = assertInstanceOf(PatchOutcome.Conflict::class.java, tasks(jane, task.id).patch(janesCopy, edit("title" to "Hire a DJ")))

        assertEquals("Gerda", conflict.changedBy)
        assertEquals(mapOf("title" to JsonPrimitive("Hire a jazz band")), conflict.theirs)
        assertEquals(mapOf("title" to JsonPrimitive("Hire a DJ")), conflict.mine)
        assertEquals(janesCopy, conflict.base)
        assertEquals(gerda.api.task(eventId, task.id), conflict.current)
        assertTrue(Regex("Gerda changed this \\d+ s ago").matches(conflict.describe(Instant.now())), conflict.describe(Instant.now()))
        assertEquals("Hire a jazz band", gerda.api.task(eventId, task.id).title)

        val resolved = assertInstanceOf(PatchOutcome.Saved::class.java, conflict.keepMine())
        assertEquals("Hire a DJ", gerda.api.task(eventId, task.id).title)
        assertEquals("Hire a DJ", (resolved.value as Task).title)
    }

    @Test
    fun keepTheirsLeavesTheirValueOnTheServer() = runBlocking<Unit> {
        val task = newTask("Send invitations")
        val janesCopy = jane.api.task(eventId, task.id)
        tasks(gerda, task.id).patch(task, edit("title" to "Send paper invitations", "notes" to "Cream card"))

        val conflict = tasks(jane, task.id).patch(janesCopy, edit("title" to "Send e-mail invitations", "due_on" to null))

        conflict as PatchOutcome.Conflict
        assertEquals(mapOf<String, JsonElement>("title" to JsonPrimitive("Send paper invitations")), conflict.theirs)
        val kept = conflict.keepTheirs()
        assertEquals(gerda.api.task(eventId, task.id), kept)
        assertEquals("Send paper invitations", kept.title)
        assertEquals("2027-05-01", kept.dueOn)
    }

    @Test
    fun aSecondChangeDuringTheMergeIsAConflict() = runBlocking<Unit> {
        val task = newTask("Choose the wine")
        val janesCopy = jane.api.task(eventId, task.id)
        tasks(gerda, task.id).patch(task, edit("title" to "Choose the red wine"))
        var sends = 0
        val racing = Patcher(
            Task.serializer(), Task::version,
            send = { patch ->
                if (sends++ == 1) gerdaAddsNotes(task.id, "Ask Tom") // between Jane's first attempt and the merge
                jane.api.editTask(eventId, task.id, patch)
            },
            fetch = { jane.api.task(eventId, task.id) },
        )

        val outcome = racing.patch(janesCopy, edit("due_on" to "2027-03-01"))

        val conflict = assertInstanceOf(PatchOutcome.Conflict::class.java, outcome)
        assertEquals(2, sends)
        assertEquals("Ask Tom", (conflict.current as Task).notes)
        assertEquals("2027-05-01", gerda.api.task(eventId, task.id).dueOn)
    }

    @Test
    fun aConflictWithoutTheCurrentStateFetchesIt() = runBlocking<Unit> {
        val task = newTask("Rent chairs")
        val janesCopy = jane.api.task(eventId, task.id)
        tasks(gerda, task.id).patch(task, edit("title" to "Rent 80 chairs"))
        var fetched = 0
        val withoutCurrent = Patcher(
            Task.serializer(), Task::version,
            send = { patch ->
                try {
                    jane.api.editTask(eventId, task.id, patch)
                } catch (e: ApiException) {
                    throw ApiException(e.status, e.errorCode, e.detail, JsonObject(e.info - "current"))
                }
            },
            fetch = { fetched++; jane.api.task(eventId, task.id) },
        )

        val conflict = assertInstanceOf(PatchOutcome.Conflict::class.java, withoutCurrent.patch(janesCopy, edit("title" to "Rent 100 chairs")))

        assertEquals(1, fetched)
        assertEquals(mapOf("title" to JsonPrimitive("Rent 80 chairs")), conflict.theirs)
    }

    @Test
    fun otherRefusalsAreThrown() {
        val task = runBlocking { newTask("Plan the seating") }
        val refused = assertThrows(ApiException::class.java) {
            runBlocking { tasks(jane, task.id).patch(task, edit("title" to "")) }
        }
        assertEquals("validation_error", refused.errorCode)
    }

    @Test
    fun eventsMergeAndConflictToo() = runBlocking<Unit> {
        val events = { client: ApiClient -> Patcher(Event.serializer(), Event::version, { client.api.editEvent(eventId, it) }, { client.api.event(eventId) }) }
        val gerdasCopy = gerda.api.event(eventId)
        val janesCopy = jane.api.event(eventId)
        assertInstanceOf(PatchOutcome.Saved::class.java, events(gerda).patch(gerdasCopy, edit("location" to "Vienna")))

        val merged = assertInstanceOf(PatchOutcome.Saved::class.java, events(jane).patch(janesCopy, edit("notes" to "Dress code: summer")))
        assertEquals(true, merged.merged)
        assertEquals("Vienna", gerda.api.event(eventId).location)
        assertEquals("Dress code: summer", gerda.api.event(eventId).notes)

        val conflict = assertInstanceOf(PatchOutcome.Conflict::class.java, events(gerda).patch(gerdasCopy, edit("notes" to "Black tie")))
        assertEquals("Jane", conflict.changedBy)
        assertEquals(mapOf("notes" to JsonPrimitive("Dress code: summer")), conflict.theirs)
        assertEquals("Dress code: summer", gerda.api.event(eventId).notes)
    }

    @Test
    fun guestsConflictOnTheRsvp() = runBlocking<Unit> {
        val household = gerda.api.createHousehold(eventId, HouseholdCreate("The Meiers"))
        val guest = gerda.api.createGuest(eventId, GuestCreate(household.id, "Uta Meier"))
        val guests = { client: ApiClient -> Patcher(Guest.serializer(), Guest::version, { client.api.editGuest(eventId, guest.id, it) }, { client.api.guest(eventId, guest.id) }) }
        guests(jane).patch(guest, edit("rsvp" to "yes"))

        val conflict = assertInstanceOf(PatchOutcome.Conflict::class.java, guests(gerda).patch(guest, edit("rsvp" to "no", "meal_choice" to "fish")))

        assertEquals(mapOf("rsvp" to JsonPrimitive("yes")), conflict.theirs)
        assertEquals(Rsvp.YES, (conflict.keepTheirs() as Guest).rsvp)
        val mine = assertInstanceOf(PatchOutcome.Saved::class.java, conflict.keepMine())
        val now = gerda.api.guest(eventId, guest.id)
        assertEquals(Rsvp.NO, now.rsvp)
        assertEquals("fish", now.mealChoice)
        assertNotEquals(guest.version, (mine.value as Guest).version)
    }
}
