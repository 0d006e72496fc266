package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.HouseholdCreate
import eu.heapzilla.eventa.client.api.TaskCreate
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.SqliteStore
import eu.heapzilla.eventa.client.testing.TestServer
import java.nio.file.Path
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir

/**
 * The client without its server: a restarted app shows what it stored, the live connection waits
 * for the server to come back and carries on, and a signed-out bearer ends the attempts. These
 * tests stop the server, so they have one of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineAndReconnectTest {

    private lateinit var server: TestServer

    @BeforeAll
    fun start(@TempDir dir: Path) {
        server = TestServer(dir.resolve("data"))
    }

    @AfterEach
    fun serverBack() = server.start()

    @AfterAll
    fun stop() = server.close()

    @Test
    fun aRestartedAppShowsTheStoredEventsAndGuestsWithoutTheServer(@TempDir dir: Path) {
        val file = dir.resolve("app/eventa.db")
        val bearer = Device.signIn(server, "olga@example.org")
        val before = Device(server, bearer, SqliteStore.open(file))
        val (eventId, shown) = runBlocking {
            val events = EventsRepository(before.api, before.store)
            events.refresh()
            assertEquals(Loadable.Ready(emptyList<Any>()), events.events.value)
            val event = events.create(EventCreate(title = "Olga turns 40"))
            events.create(EventCreate(title = "Garden party"))
            val repository = before.repository(event.id)
            repository.open()
            val household = repository.createHousehold(HouseholdCreate("The Petrovs"))
            repository.createGuest(GuestCreate(household.id, "Olga"))
            repository.createGuest(GuestCreate(household.id, "Ivan"))
            events.refresh()
            event.id to Triple(events.events.value, repository.guests.value, repository.event.value)
        }
        before.close()
        server.stop()

        val after = Device(server, bearer, SqliteStore.open(file))
        try {
            runBlocking {
                val events = EventsRepository(after.api, after.store)
                events.refresh()
                assertEquals(2, shown.first.valueOrNull()!!.size)
                assertEquals(Loadable.Ready(shown.first.valueOrNull()!!, offline = true), events.events.value)
                val repository = after.repository(eventId)
                repository.open()
                assertEquals(listOf("Olga", "Ivan"), shown.second.valueOrNull()!!.map { it.name })
                assertEquals(Loadable.Ready(shown.second.valueOrNull()!!, offline = true), repository.guests.value)
                assertEquals(Loadable.Ready(shown.third.valueOrNull()!!, offline = true), repository.event.value)
                // An event never loaded on this device has nothing to show offline.
                val other = shown.first.valueOrNull()!!.single { it.id != eventId }
                val never = after.repository(other.id)
                never.open()
                assertEquals(Loadable.Failed(CANT_REACH_SERVER), never.guests.value)
            }
        } finally {
            after.close()
        }
    }

    @Test
    fun theLiveConnectionComesBackWithTheServerAndChangesFlowAgain() {
        val a = Device(server, Device.signIn(server, "petra@example.org"))
        val eventId = runBlocking { a.api.createEvent(EventCreate(title = "Reunion")).id }
        val b = Device(server, Device.join(server, a, eventId, "paul@example.org"))
        try {
            runBlocking {
                val ra = a.repository(eventId)
                val rb = b.repository(eventId)
                b.live.start()
                ra.open()
                rb.open()
                b.live.status.await { it == LiveStatus.Live }

                server.stop()
                val offline = b.live.status.await { it is LiveStatus.Offline } as LiveStatus.Offline
                assertTrue(offline.retryInMillis in 0..500, offline.toString())
                server.start()
                b.live.status.await(seconds = 30) { it == LiveStatus.Live }

                val task = ra.createTask(TaskCreate("Book the hall"))
                rb.tasks.awaitReady(seconds = 5) { list -> list.any { it.id == task.id } }
            }
        } finally {
            a.close()
            b.close()
        }
    }

    @Test
    fun aSignedOutBearerEndsAsSignedOutWithoutRetrying() {
        val device = Device(server, Device.signIn(server, "sam@example.org"))
        try {
            runBlocking {
                device.live.start()
                device.live.status.await { it == LiveStatus.Live }
                device.api.logout()
                device.live.status.await { it == LiveStatus.SignedOut }
                val upgrades = device.requestsTo("/api/v1/ws")
                delay(1_500)
                assertEquals(LiveStatus.SignedOut, device.live.status.value)
                assertEquals(upgrades, device.requestsTo("/api/v1/ws"), "it tried again")

                // Coming back to the foreground tries once, is refused (4401) and stops again.
                device.live.start()
                device.live.status.await { it == LiveStatus.SignedOut }
                delay(1_500)
                assertEquals(LiveStatus.SignedOut, device.live.status.value)
                assertEquals(upgrades + 1, device.requestsTo("/api/v1/ws"))
                assertEquals(null, device.live.connectionId)
            }
        } finally {
            device.close()
        }
    }
}
