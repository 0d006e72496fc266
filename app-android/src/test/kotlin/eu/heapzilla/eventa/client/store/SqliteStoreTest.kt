package eu.heapzilla.eventa.client.store

import eu.heapzilla.eventa.client.api.BudgetItem
import eu.heapzilla.eventa.client.api.BudgetSummary
import eu.heapzilla.eventa.client.api.BudgetTotals
import eu.heapzilla.eventa.client.api.CategoryTotals
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.Household
import eu.heapzilla.eventa.client.api.Invite
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Receipt
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.Timeline
import eu.heapzilla.eventa.client.api.TimelineBuckets
import java.nio.file.Path
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** The SQLite store keeps every kind as given, in order, per event, and across a reopen of its file. */
class SqliteStoreTest {

    private val store = SqliteStore.inMemory()

    @AfterEach
    fun close() = store.close()

    @Test
    fun everyKindComesBackAsStored() {
        val samples = samples("e1")
        samples.forEach { (kind, item) -> put(kind, "e1", item) }
        samples.forEach { (kind, item) -> assertEquals(listOf(item), store.list(kind, "e1"), kind.name) }
        assertEquals(Kind.ALL.toSet(), samples.map { it.first }.toSet())
        samples.forEach { (kind, _) -> assertEquals(emptyList<Any>(), store.list(kind, "e2"), kind.name) }
    }

    @Test
    fun putUpdatesInPlaceAndAppendsNewOnes() {
        store.replaceAll(Kind.TASKS, "e1", listOf(task("b"), task("a")))
        store.put(Kind.TASKS, "e1", task("c"))
        store.put(Kind.TASKS, "e1", task("b", title = "Edited"))
        assertEquals(listOf(task("b", title = "Edited"), task("a"), task("c")), store.list(Kind.TASKS, "e1"))
        store.remove(Kind.TASKS, "e1", "a")
        assertEquals(listOf("b", "c"), store.list(Kind.TASKS, "e1").map { it.id })
    }

    @Test
    fun replaceAllReplacesOnlyThatKindOfThatEvent() {
        store.replaceAll(Kind.TASKS, "e1", listOf(task("a"), task("b")))
        store.replaceAll(Kind.TASKS, "e2", listOf(task("x")))
        store.put(Kind.GUESTS, "e1", guest("g"))
        store.replaceAll(Kind.TASKS, "e1", listOf(task("c"), task("a")))
        assertEquals(listOf("c", "a"), store.list(Kind.TASKS, "e1").map { it.id })
        assertEquals(listOf("x"), store.list(Kind.TASKS, "e2").map { it.id })
        assertEquals(listOf("g"), store.list(Kind.GUESTS, "e1").map { it.id })
    }

    @Test
    fun removeEventForgetsItsEntitiesAndCursor() {
        store.replaceEvents(listOf(event("e1"), event("e2")))
        store.put(Kind.TASKS, "e1", task("a"))
        store.put(Kind.TASKS, "e2", task("b"))
        store.setCursor("e1", 7)
        store.setCursor("e2", 9)
        store.removeEvent("e1")
        assertEquals(listOf("e2"), store.events().map { it.id })
        assertEquals(emptyList<Task>(), store.list(Kind.TASKS, "e1"))
        assertEquals(0, store.cursor("e1"))
        assertEquals(listOf("b"), store.list(Kind.TASKS, "e2").map { it.id })
        assertEquals(9, store.cursor("e2"))
    }

    @Test
    fun replaceEventsForgetsDroppedEventsAndKeepsTheGivenOrder() {
        store.replaceEvents(listOf(event("e1"), event("e2")))
        store.put(Kind.GUESTS, "e1", guest("g1"))
        store.put(Kind.GUESTS, "e2", guest("g2"))
        store.setCursor("e1", 3)
        store.setCursor("e2", 4)
        store.replaceEvents(listOf(event("e3"), event("e2", title = "Renamed")))
        assertEquals(listOf(event("e3"), event("e2", title = "Renamed")), store.events())
        assertEquals(emptyList<Guest>(), store.list(Kind.GUESTS, "e1"))
        assertEquals(0, store.cursor("e1"))
        assertEquals(listOf("g2"), store.list(Kind.GUESTS, "e2").map { it.id })
        assertEquals(4, store.cursor("e2"))
        store.putEvent(event("e4"))
        store.putEvent(event("e3", title = "Edited"))
        assertEquals(listOf("e3", "e2", "e4"), store.events().map { it.id })
        assertEquals("Edited", store.events().first().title)
    }

    @Test
    fun dataSurvivesClosingAndReopeningTheFile(@TempDir dir: Path) {
        val file = dir.resolve("nested/folder/eventa.db")
        SqliteStore.open(file).use {
            it.putEvent(event("e1"))
            it.replaceAll(Kind.GUESTS, "e1", listOf(guest("g2"), guest("g1")))
            it.setCursor("e1", 42)
        }
        SqliteStore.open(file).use {
            assertEquals(listOf(event("e1")), it.events())
            assertEquals(listOf(guest("g2"), guest("g1")), it.list(Kind.GUESTS, "e1"))
            assertEquals(42, it.cursor("e1"))
        }
    }

    @Test
    fun clearForgetsEverything() {
        store.putEvent(event("e1"))
        store.put(Kind.TASKS, "e1", task("a"))
        store.setCursor("e1", 5)
        store.clear()
        assertEquals(emptyList<Event>(), store.events())
        assertEquals(emptyList<Task>(), store.list(Kind.TASKS, "e1"))
        assertEquals(0, store.cursor("e1"))
    }

    @Test
    fun cursorsAreKeptPerEvent() {
        assertEquals(0, store.cursor("e1"))
        store.setCursor("e1", 5)
        store.setCursor("e1", 8)
        store.setCursor("e2", 3)
        assertEquals(8, store.cursor("e1"))
        assertEquals(3, store.cursor("e2"))
    }

    @Suppress("UNCHECKED_CAST")
    private fun put(kind: Kind<*>, eventId: String, item: Any) = store.put(kind as Kind<Any>, eventId, item)

    private companion object {
        const val AT = "2027-01-02T10:00:00Z"

        fun event(id: String, title: String = "Event $id") = Event(
            id = id, version = 1, title = title, date = "2027-06-12", timezone = "Europe/Berlin", currency = "EUR",
            createdAt = AT, createdBy = "u1", updatedAt = AT, updatedBy = "u1", role = Role.OWNER,
        )

        fun task(id: String, title: String = "Task $id") = Task(
            id = id, eventId = "e1", version = 1, title = title, done = false,
            createdAt = AT, createdBy = "u1", updatedAt = AT, updatedBy = "u1",
        )

        fun guest(id: String) = Guest(
            id = id, eventId = "e1", version = 2, householdId = "h1", name = "Guest $id", rsvp = Rsvp.YES,
            plusOne = false, child = false, createdAt = AT, createdBy = "u1", updatedAt = AT, updatedBy = "u1",
        )

        fun samples(eventId: String): List<Pair<Kind<*>, Any>> {
            val totals = BudgetTotals(1, 100, 90, 50, 90, 40)
            return listOf(
                Kind.MEMBERS to Member("u1", "Jane", "jane@example.org", Role.OWNER, AT, 1),
                Kind.INVITES to Invite("i1", eventId, "bob@example.org", Role.EDITOR, "pending", "u1", AT, AT, 1),
                Kind.HOUSEHOLDS to Household("h1", eventId, 1, "The Smiths", "1 Main St", null, AT, "u1", AT, "u1"),
                Kind.GUESTS to guest("g1"),
                Kind.TASKS to task("t1"),
                Kind.BUDGET_ITEMS to BudgetItem(
                    id = "b1", eventId = eventId, version = 3, category = "Flowers", title = "Bouquets", estimatedCents = 100,
                    actualCents = 90, paidCents = 50, expectedCents = 90, stillToPayCents = 40,
                    receipts = listOf(Receipt("r1", "b1", "bill.pdf", "application/pdf", 10, "ab", "/r1", AT, "u1")),
                    createdAt = AT, createdBy = "u1", updatedAt = AT, updatedBy = "u1",
                ),
                Kind.TIMELINE to Timeline("2027-01-02", "Europe/Berlin",
                    TimelineBuckets(listOf(task("t1")), emptyList(), emptyList(), emptyList(), emptyList(), emptyList())),
                Kind.BUDGET_SUMMARY to BudgetSummary("EUR", 1000, 910, false, totals,
                    listOf(CategoryTotals("Flowers", 1, 100, 90, 50, 90, 40))),
            )
        }
    }
}
