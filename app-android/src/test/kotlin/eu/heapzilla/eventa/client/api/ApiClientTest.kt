package eu.heapzilla.eventa.client.api

import eu.heapzilla.eventa.client.testing.TestServer
import java.nio.file.Path
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir

/** The Retrofit client against a real server: models read the server's JSON, refusals become [ApiException]. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiClientTest {

    private lateinit var server: TestServer

    @BeforeAll
    fun start(@TempDir dir: Path) {
        server = TestServer(dir.resolve("data"))
    }

    @AfterAll
    fun stop() = server.close()

    private fun signedIn(email: String): ApiClient = runBlocking {
        val anonymous = ApiClient(server.url, bearer = { null })
        anonymous.api.requestMagicLink(MagicLinkRequest(email))
        val token = server.signInTokenMailedTo(email)
        val signedIn = anonymous.api.verify(VerifyRequest(token, "test"))
        assertEquals(email, signedIn.user.email)
        ApiClient(server.url, bearer = { signedIn.bearer })
    }

    @Test
    fun signsInCreatesAnEventAndReadsEveryListBack() = runBlocking {
        val client = signedIn("jane@example.org")
        val event = client.api.createEvent(EventCreate(title = "Jane & Alex", date = "2027-06-12", currency = "EUR"))
        assertEquals(Role.OWNER, event.role)
        val household = client.api.createHousehold(event.id, HouseholdCreate("The Smiths"))
        val guest = client.api.createGuest(event.id, GuestCreate(household.id, "Ann Smith", rsvp = Rsvp.YES))
        val task = client.api.createTask(event.id, TaskCreate("Book the florist", dueOn = "2027-05-01"))
        val item = client.api.createBudgetItem(event.id, BudgetItemCreate("Flowers", "Bouquets", estimatedCents = 45_000))

        assertEquals(listOf(guest), client.api.guests(event.id).guests)
        assertEquals(listOf(task), client.api.tasks(event.id).tasks)
        assertEquals(item.id, client.api.budgetItems(event.id).budgetItems.single().id)
        assertEquals(45_000, client.api.budgetSummary(event.id).overall.estimatedCents)
        assertEquals(listOf(task.id), client.api.timeline(event.id).buckets.later.map { it.id })
        val done = client.api.completeTask(event.id, task.id, TaskCompletion(true, task.version))
        assertEquals(true, done.done)
        assertNotNull(done.doneAt)
        val page = client.api.changes(event.id, 0)
        assertEquals(listOf(EntityType.EVENT, EntityType.MEMBER, EntityType.HOUSEHOLD, EntityType.GUEST, EntityType.TASK,
            EntityType.BUDGET_ITEM, EntityType.TASK), page.changes.map { it.entityType })
    }

    @Test
    fun aRefusalCarriesTheServersCodeDetailAndField() {
        val client = signedIn("alex@example.org")
        val event = runBlocking { client.api.createEvent(EventCreate(title = "Reunion")) }
        val refused = assertThrows(ApiException::class.java) {
            runBlocking { client.api.editEvent(event.id, buildJsonObject { put("version", event.version); put("currency", JsonPrimitive("euro")) }) }
        }
        assertEquals(400, refused.status)
        assertEquals("validation_error", refused.errorCode)
        assertEquals("currency", refused.field)
        val stale = assertThrows(ApiException::class.java) {
            runBlocking {
                client.api.editEvent(event.id, buildJsonObject { put("version", event.version); put("title", "Reunion 2027") })
                client.api.editEvent(event.id, buildJsonObject { put("version", event.version); put("title", "Reunion 2028") })
            }
        }
        assertEquals(true, stale.isVersionConflict, stale.toString())
        val nobody = ApiClient(server.url, bearer = { null })
        assertEquals(true, assertThrows(ApiException::class.java) { runBlocking { nobody.api.events() } }.isUnauthorized)
    }
}
