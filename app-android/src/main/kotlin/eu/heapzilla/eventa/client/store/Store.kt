package eu.heapzilla.eventa.client.store

import eu.heapzilla.eventa.client.api.BudgetItem
import eu.heapzilla.eventa.client.api.BudgetSummary
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.Household
import eu.heapzilla.eventa.client.api.Invite
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.Timeline
import kotlinx.serialization.KSerializer

/**
 * The offline copy of what this device has seen: so that lists open without a network, and so
 * that catching up starts from the per-event [cursor] instead of from scratch.
 *
 * Everything is keyed by (kind, event, id) and kept as the server's JSON, so the SQLite store
 * on the JVM and the Room store on Android are the same two tables. Writes are atomic per call.
 */
interface Store : AutoCloseable {

    /** The events this person belongs to, as last seen. */
    fun events(): List<Event>

    /** Replaces the list of events; an event no longer in it is forgotten with all its data. */
    fun replaceEvents(events: List<Event>)

    fun putEvent(event: Event)

    /** Forgets an event and everything stored for it. */
    fun removeEvent(eventId: String)

    fun <T : Any> list(kind: Kind<T>, eventId: String): List<T>

    /** Replaces all of [kind] stored for [eventId] with [items]. */
    fun <T : Any> replaceAll(kind: Kind<T>, eventId: String, items: List<T>)

    fun <T : Any> put(kind: Kind<T>, eventId: String, item: T)

    fun remove(kind: Kind<*>, eventId: String, id: String)

    /** The last change of [eventId] this store reflects (0: none yet). */
    fun cursor(eventId: String): Long

    fun setCursor(eventId: String, cursor: Long)

    /** Forgets everything (signing out). */
    fun clear()
}

/** A kind of thing the store keeps per event: its name, its JSON and its id. */
class Kind<T : Any> private constructor(
    val name: String,
    val serializer: KSerializer<T>,
    val idOf: (T) -> String,
) {
    override fun toString() = name

    companion object {
        val MEMBERS = Kind("member", Member.serializer()) { it.userId }
        val INVITES = Kind("invite", Invite.serializer()) { it.id }
        val HOUSEHOLDS = Kind("household", Household.serializer()) { it.id }
        val GUESTS = Kind("guest", Guest.serializer()) { it.id }
        val TASKS = Kind("task", Task.serializer()) { it.id }
        val BUDGET_ITEMS = Kind("budget_item", BudgetItem.serializer()) { it.id }

        /** The server's timeline, one per event. */
        val TIMELINE = Kind("timeline", Timeline.serializer()) { "timeline" }

        /** The server's budget summary, one per event. */
        val BUDGET_SUMMARY = Kind("budget_summary", BudgetSummary.serializer()) { "summary" }

        val ALL: List<Kind<*>> = listOf(MEMBERS, INVITES, HOUSEHOLDS, GUESTS, TASKS, BUDGET_ITEMS, TIMELINE, BUDGET_SUMMARY)
    }
}
