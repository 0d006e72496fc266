package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.api.BudgetItemCreate
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.HouseholdCreate
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.api.TaskCreate
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.Kind
import eu.heapzilla.eventa.client.testing.TestServer
import java.nio.file.Path
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir

/**
 * Two people on two devices plan one event against a real server: what one does reaches the
 * other's screens live, and a device that was away catches up to exactly the server's state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoDevicesSyncTest {

    private lateinit var server: TestServer
    private var people = 0

    @BeforeAll
    fun start(@TempDir dir: Path) {
        server = TestServer(dir.resolve("data"))
    }

    @AfterAll
    fun stop() = server.close()

    /** Jane's device (owner of a new event) and Bob's (invited editor), both with the event open and live. */
    private fun twoDevices(test: suspend (a: Device, ra: EventRepository, b: Device, rb: EventRepository) -> Unit) {
        people++
        val a = Device(server, Device.signIn(server, "jane$people@example.org"))
        val eventId = runBlocking { a.api.createEvent(EventCreate(title = "Jane & Alex", currency = "EUR")).id }
        val b = Device(server, Device.join(server, a, eventId, "bob$people@example.org"))
        try {
            runBlocking {
                val ra = a.repository(eventId)
                val rb = b.repository(eventId)
                a.live.start()
                b.live.start()
                ra.open()
                rb.open()
                b.live.status.await { it == LiveStatus.Live }
                test(a, ra, b, rb)
            }
        } finally {
            a.close()
            b.close()
        }
    }

    @Test
    fun anEditOnOneDeviceReachesTheOtherWithinASecond() = twoDevices { a, ra, b, rb ->
        val household = ra.createHousehold(HouseholdCreate("The Smiths"))
        rb.households.awaitReady { list -> list.any { it.id == household.id } }
        val listed = b.requestsTo("/tasks")
        val latencies = linkedMapOf<String, Long>()

        var started = System.nanoTime()
        val task = ra.createTask(TaskCreate("Book the florist"))
        rb.tasks.awaitReady { list -> list.any { it.id == task.id } }
        latencies["create task"] = millisSince(started)

        started = System.nanoTime()
        ra.completeTask(task, true)
        rb.tasks.awaitReady { list -> list.any { it.id == task.id && it.done } }
        latencies["complete task"] = millisSince(started)

        started = System.nanoTime()
        val guest = ra.createGuest(GuestCreate(household.id, "Ann Smith", rsvp = Rsvp.YES))
        rb.guests.awaitReady { list -> list.any { it.id == guest.id } }
        latencies["add guest"] = millisSince(started)

        started = System.nanoTime()
        val event = ra.event.value.valueOrNull()!!
        ra.accept(a.api.editEvent(event.id, buildJsonObject { put("version", event.version); put("location", "Lisbon") }))
        rb.event.awaitReady { it.location == "Lisbon" }
        latencies["edit brief"] = millisSince(started)

        started = System.nanoTime()
        ra.createBudgetItem(BudgetItemCreate("Flowers", "Bouquets", estimatedCents = 45_000))
        rb.budgetSummary.awaitReady { it.overall.estimatedCents == 45_000L }
        latencies["add budget item"] = millisSince(started)

        println("live latency A -> B (ms): $latencies")
        latencies.forEach { (edit, ms) -> assertTrue(ms < 1000, "$edit took $ms ms to reach B") }
        // B's view agrees with the server, and B did not get it by listing the tasks again.
        assertEquals(b.api.tasks(ra.eventId).tasks, rb.tasks.value.valueOrNull())
        assertEquals(listed, b.requestsTo("/tasks") - 1, "B listed the tasks while following live")
        assertEquals(b.api.timeline(ra.eventId), rb.timeline.value.valueOrNull())
        assertEquals(LiveStatus.Live, b.live.status.value)
        // A's writes are not echoed back to A (its connection id went with them): A fetched none of them again.
        assertEquals(0, a.requestsTo("/tasks/${task.id}") + a.requestsTo("/guests/${guest.id}"))
    }

    @Test
    fun writesGoThroughToTheStoreAndReachTheOtherDevice() = twoDevices { a, ra, b, rb ->
        val item = ra.createBudgetItem(BudgetItemCreate("Venue", "Hall", estimatedCents = 90_000))
        val withReceipt = ra.uploadReceipt(item, "deposit.pdf", "application/pdf", "%PDF-1.4 deposit".toByteArray())
        assertEquals(listOf("deposit.pdf"), withReceipt.receipts.map { it.fileName })
        assertEquals(listOf(withReceipt), a.store.list(Kind.BUDGET_ITEMS, ra.eventId))
        assertEquals(listOf(withReceipt), ra.budgetItems.value.valueOrNull())
        rb.budgetItems.awaitReady { list -> list.singleOrNull()?.receipts?.size == 1 }

        val invite = ra.invite("carol@example.org", Role.VIEWER)
        assertTrue(ra.invites.value.valueOrNull()!!.any { it.id == invite.id })
        rb.invites.awaitReady { list -> list.any { it.id == invite.id && it.status == "pending" } }
        ra.revokeInvite(invite)
        rb.invites.awaitReady { list -> list.none { it.id == invite.id && it.status == "pending" } }
        assertEquals(a.api.invites(ra.eventId).invites, ra.invites.value.valueOrNull())

        val bob = ra.members.value.valueOrNull()!!.single { it.role == Role.EDITOR }
        val viewer = ra.changeRole(bob, Role.VIEWER)
        assertEquals(Role.VIEWER, a.store.list(Kind.MEMBERS, ra.eventId).single { it.userId == bob.userId }.role)
        assertEquals(viewer, ra.members.value.valueOrNull()!!.single { it.userId == bob.userId })
        rb.event.awaitReady { it.role == Role.VIEWER }

        ra.deleteBudgetItem(withReceipt)
        assertEquals(emptyList<Any>(), a.store.list(Kind.BUDGET_ITEMS, ra.eventId))
        rb.budgetSummary.awaitReady { it.overall.items == 0 }
        assertEquals(0, ra.budgetSummary.value.valueOrNull()!!.overall.items)
    }

    @Test
    fun theEventListShowsCreatesAndDeletes() = twoDevices { a, ra, _, _ ->
        val events = EventsRepository(a.api, a.store)
        events.refresh()
        assertEquals(listOf(ra.eventId), events.events.value.valueOrNull()!!.map { it.id })
        val party = events.create(EventCreate(title = "After-party"))
        assertEquals(listOf(ra.eventId, party.id), events.events.value.valueOrNull()!!.map { it.id })
        events.delete(party)
        assertEquals(Loadable.Ready(a.api.events().events), events.events.value)
        assertEquals(listOf(ra.eventId), a.store.events().map { it.id })
    }

    @Test
    fun aDeviceThatWasAwayCatchesUpToExactlyTheServersState() = twoDevices { a, ra, b, rb ->
        b.live.stop()
        makeHundredEdits(a, ra)
        val started = System.nanoTime()
        b.live.start()
        val server = fresh(b, ra.eventId)
        rb.tasks.awaitReady { it.sortedBy { t -> t.id } == server.tasks }
        rb.guests.awaitReady { it == server.guests }
        rb.households.awaitReady { it == server.households }
        rb.budgetItems.awaitReady { it == server.budgetItems }
        rb.event.awaitReady { it == server.event }
        rb.budgetSummary.awaitReady { it == server.summary }
        rb.timeline.awaitReady { it == server.timeline }
        println("B caught up with 100 edits in ${(System.nanoTime() - started) / 1_000_000} ms")
        withTimeout(5_000) { while (b.store.cursor(ra.eventId) != server.cursor) delay(20) }
        assertEquals(server.cursor, b.store.cursor(ra.eventId))
        assertEquals(LiveStatus.Live, b.live.status.value)
    }

    @Test
    fun catchUpFromTheChangeFeedBringsEverythingAndFetchesEachThingOnce() = twoDevices { a, ra, b, rb ->
        b.live.stop()
        val task = ra.createTask(TaskCreate("Choose the music"))
        var edited = task
        repeat(5) { edited = a.api.editTask(ra.eventId, task.id, buildJsonObject { put("version", edited.version); put("title", JsonPrimitive("Music $it")) }) }
        val other = ra.createTask(TaskCreate("Order the cake"))
        ra.deleteTask(other)
        val before = b.requestsTo("/tasks/${task.id}")

        rb.catchUp()

        val server = fresh(b, ra.eventId)
        assertEquals(server.tasks, rb.tasks.value.valueOrNull()!!.sortedBy { it.id })
        assertEquals("Music 4", rb.tasks.value.valueOrNull()!!.single().title)
        assertEquals(server.cursor, b.store.cursor(ra.eventId))
        assertEquals(1, b.requestsTo("/tasks/${task.id}") - before, "six changes of one task, one fetch")
        assertEquals(0, b.requestsTo("/tasks/${other.id}"), "a task created and deleted needs no fetch")
        assertEquals(LiveStatus.Stopped, b.live.status.value)
    }

    @Test
    fun losingAccessFailsTheEventsScreensAndForgetsIt() = twoDevices { a, ra, b, rb ->
        val bob = ra.members.awaitReady { it.size == 2 }.single { it.userId != ra.event.value.valueOrNull()!!.createdBy }
        ra.removeMember(bob)
        val failed = rb.guests.await { it is Loadable.Failed }
        assertEquals(Loadable.Failed(EventRepository.NO_ACCESS), failed)
        assertEquals(Loadable.Failed(EventRepository.NO_ACCESS), rb.event.value)
        assertEquals(0, b.store.cursor(ra.eventId))
        assertEquals(emptyList<Any>(), b.store.events())
    }

    /** 100 edits: creates, updates and deletes of tasks, guests, budget items, and the brief. */
    private suspend fun makeHundredEdits(a: Device, ra: EventRepository) {
        val id = ra.eventId
        val household = ra.createHousehold(HouseholdCreate("The Millers"))
        var edits = 1
        val tasks = (1..20).map { ra.createTask(TaskCreate("Task $it", dueOn = if (it % 2 == 0) "2027-0${1 + it % 9}-10" else null)) }
        edits += 20
        tasks.take(15).forEach { ra.completeTask(it, true) }
        edits += 15
        tasks.takeLast(8).forEach { ra.deleteTask(a.api.task(id, it.id)) }
        edits += 8
        val guests = (1..20).map { ra.createGuest(GuestCreate(household.id, "Guest $it")) }
        edits += 20
        guests.take(10).forEach { ra.accept(a.api.editGuest(id, it.id, buildJsonObject { put("version", it.version); put("rsvp", "yes") })) }
        edits += 10
        guests.takeLast(5).forEach { ra.deleteGuest(it) }
        edits += 5
        val items = (1..10).map { ra.createBudgetItem(BudgetItemCreate("Venue", "Item $it", estimatedCents = 1000L * it)) }
        edits += 10
        items.take(5).forEach { ra.accept(a.api.editBudgetItem(id, it.id, buildJsonObject { put("version", it.version); put("paid_cents", 500) })) }
        edits += 5
        items.takeLast(3).forEach { ra.deleteBudgetItem(it) }
        edits += 3
        var event = ra.event.value.valueOrNull()!!
        repeat(3) {
            event = a.api.editEvent(id, buildJsonObject { put("version", event.version); put("notes", "Notes $it") })
        }
        ra.accept(event)
        edits += 3
        assertEquals(100, edits)
    }

    private class ServerState(
        val event: eu.heapzilla.eventa.client.api.Event,
        val tasks: List<eu.heapzilla.eventa.client.api.Task>,
        val guests: List<eu.heapzilla.eventa.client.api.Guest>,
        val households: List<eu.heapzilla.eventa.client.api.Household>,
        val budgetItems: List<eu.heapzilla.eventa.client.api.BudgetItem>,
        val summary: eu.heapzilla.eventa.client.api.BudgetSummary,
        val timeline: eu.heapzilla.eventa.client.api.Timeline,
        val cursor: Long,
    )

    /** The event as the server has it now, asked with [device]'s bearer, and its newest change. */
    private suspend fun fresh(device: Device, id: String): ServerState {
        val api = device.api
        var cursor = 0L
        do {
            val page = api.changes(id, cursor)
            cursor = page.cursor
        } while (page.hasMore)
        return ServerState(api.event(id), api.tasks(id).tasks.sortedBy { it.id }, api.guests(id).guests,
            api.households(id).households, api.budgetItems(id).budgetItems, api.budgetSummary(id), api.timeline(id), cursor)
    }

    private fun millisSince(started: Long) = (System.nanoTime() - started) / 1_000_000
}
