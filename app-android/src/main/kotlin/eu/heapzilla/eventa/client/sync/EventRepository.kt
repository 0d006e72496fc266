package eu.heapzilla.eventa.client.sync

import eu.heapzilla.eventa.client.api.ApiException
import eu.heapzilla.eventa.client.api.BudgetItem
import eu.heapzilla.eventa.client.api.BudgetItemCreate
import eu.heapzilla.eventa.client.api.BudgetSummary
import eu.heapzilla.eventa.client.api.Change
import eu.heapzilla.eventa.client.api.ChangeOp
import eu.heapzilla.eventa.client.api.EntityType
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.EventaApi
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.Household
import eu.heapzilla.eventa.client.api.HouseholdCreate
import eu.heapzilla.eventa.client.api.Invite
import eu.heapzilla.eventa.client.api.InviteRequest
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.api.RoleChange
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.TaskCompletion
import eu.heapzilla.eventa.client.api.TaskCreate
import eu.heapzilla.eventa.client.api.Timeline
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.Kind
import eu.heapzilla.eventa.client.store.Store
import java.io.IOException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.MultipartBody
import okhttp3.RequestBody.Companion.toRequestBody

/**
 * Everything the screens of one open event show, and the only way they change it: each piece
 * a [StateFlow] of [Loadable], fed first from the [Store] (so an event opens offline), then from
 * the server, then by the changes others make, which arrive over [live] and are applied by
 * fetching the changed thing again. Writes go to the server and their answers into the store
 * and the flows at once (the server does not echo a device's own writes back to it).
 *
 * The store's cursor for the event says which changes its data already reflects; it only moves
 * forward, and only once the data does.
 */
class EventRepository(
    val eventId: String,
    private val api: EventaApi,
    private val store: Store,
    private val live: LiveConnection,
    private val scope: CoroutineScope,
) {
    private val eventState = One({ store.events().find { it.id == eventId } }, store::putEvent, Event::version)
    private val memberState = Items(store, eventId, Kind.MEMBERS, Member::version)
    private val inviteState = Items(store, eventId, Kind.INVITES, Invite::version)
    private val householdState = Items(store, eventId, Kind.HOUSEHOLDS, Household::version)
    private val guestState = Items(store, eventId, Kind.GUESTS, Guest::version)
    private val taskState = Items(store, eventId, Kind.TASKS, Task::version)
    private val budgetItemState = Items(store, eventId, Kind.BUDGET_ITEMS, BudgetItem::version)
    private val timelineState = single(Kind.TIMELINE)
    private val summaryState = single(Kind.BUDGET_SUMMARY)
    private val everything: List<Shown<*>> = listOf(eventState, memberState, inviteState, householdState, guestState,
        taskState, budgetItemState, timelineState, summaryState)

    val event: StateFlow<Loadable<Event>> = eventState.flow
    val members: StateFlow<Loadable<List<Member>>> = memberState.flow
    val invites: StateFlow<Loadable<List<Invite>>> = inviteState.flow
    val households: StateFlow<Loadable<List<Household>>> = householdState.flow
    val guests: StateFlow<Loadable<List<Guest>>> = guestState.flow
    val tasks: StateFlow<Loadable<List<Task>>> = taskState.flow
    val budgetItems: StateFlow<Loadable<List<BudgetItem>>> = budgetItemState.flow
    val timeline: StateFlow<Loadable<Timeline>> = timelineState.flow
    val budgetSummary: StateFlow<Loadable<BudgetSummary>> = summaryState.flow

    /** Loading, applying changes and catching up take turns. */
    private val turn = Mutex()
    private val inbox = Channel<LiveMessage>(Channel.UNLIMITED)
    private var jobs: List<Job> = emptyList()

    /** The last load or change failed: the data may lag behind its cursor, load it all again when back online. */
    @Volatile
    private var stale = false

    @Volatile
    private var gone = false

    /**
     * Shows the stored copy, loads everything from the server and follows the event live. Without
     * a server the stored copy stays shown (offline); [Loadable.Failed] only when nothing is stored.
     */
    suspend fun open() {
        if (jobs.isEmpty()) listen()
        everything.forEach { it.showStored(known(), failure = null) }
        refresh()
        if (!gone) live.subscribe(eventId) { store.cursor(eventId) }
    }

    /** Stops following the event (the screens were left). */
    fun close() {
        live.unsubscribe(eventId)
        jobs.forEach { it.cancel() }
        jobs = emptyList()
    }

    /**
     * Loads everything again. The newest change is asked first, so that the cursor stored after
     * the lists were loaded is never ahead of them (changes after it are applied again, harmlessly).
     */
    suspend fun refresh(): Unit = turn.withLock {
        if (gone) return@withLock
        try {
            val newest = newestChange()
            eventState.set(api.event(eventId))
            memberState.replace(api.members(eventId).members)
            inviteState.replace(api.invites(eventId).invites)
            householdState.replace(api.households(eventId).households)
            guestState.replace(api.guests(eventId).guests)
            taskState.replace(api.tasks(eventId).tasks)
            budgetItemState.replace(api.budgetItems(eventId).budgetItems)
            timelineState.set(api.timeline(eventId))
            summaryState.set(api.budgetSummary(eventId))
            advance(newest)
            stale = false
        } catch (e: IOException) {
            if (e is ApiException && (e.status == 403 || e.status == 404)) {
                lose(e.detail)
            } else {
                stale = true
                everything.forEach { it.showStored(known(), messageFor(e)) }
            }
        }
    }

    /** Applies every change after the stored cursor from the change feed (what a `resync` asks for); throws `IOException`. */
    suspend fun catchUp(): Unit = turn.withLock {
        var cursor = store.cursor(eventId)
        do {
            val page = api.changes(eventId, cursor)
            apply(page.changes)
            cursor = page.cursor
            advance(cursor)
        } while (page.hasMore && !gone)
    }

    // ---- writes: to the server, then its answer into the store and the flows

    suspend fun createHousehold(body: HouseholdCreate): Household = api.createHousehold(eventId, body).also { accept(it) }

    suspend fun createGuest(body: GuestCreate): Guest = api.createGuest(eventId, body).also { accept(it) }

    suspend fun deleteGuest(guest: Guest) {
        api.deleteGuest(eventId, guest.id, guest.version)
        guestState.remove(guest.id)
    }

    suspend fun createTask(body: TaskCreate): Task = api.createTask(eventId, body).also { accept(it) }

    suspend fun completeTask(task: Task, done: Boolean): Task =
        api.completeTask(eventId, task.id, TaskCompletion(done, task.version)).also { accept(it) }

    suspend fun deleteTask(task: Task) {
        api.deleteTask(eventId, task.id, task.version)
        taskState.remove(task.id)
        quietly { timelineState.set(api.timeline(eventId)) }
    }

    suspend fun createBudgetItem(body: BudgetItemCreate): BudgetItem = api.createBudgetItem(eventId, body).also { accept(it) }

    suspend fun deleteBudgetItem(item: BudgetItem) {
        api.deleteBudgetItem(eventId, item.id, item.version)
        budgetItemState.remove(item.id)
        quietly { summaryState.set(api.budgetSummary(eventId)) }
    }

    /** Attaches a receipt (multipart part `file`) and answers the item as it now is. */
    suspend fun uploadReceipt(item: BudgetItem, fileName: String, mediaType: String, bytes: ByteArray): BudgetItem {
        val part = MultipartBody.Part.createFormData("file", fileName, bytes.toRequestBody(mediaType.toMediaType()))
        api.uploadReceipts(eventId, item.id, listOf(part))
        return api.budgetItem(eventId, item.id).also { accept(it) }
    }

    suspend fun invite(email: String, role: Role): Invite =
        api.invite(eventId, InviteRequest(email, role)).also { inviteState.put(it) }

    suspend fun revokeInvite(invite: Invite) {
        api.revokeInvite(eventId, invite.id)
        inviteState.replace(api.invites(eventId).invites)
    }

    suspend fun removeMember(member: Member) {
        api.removeMember(eventId, member.userId)
        memberState.remove(member.userId)
    }

    suspend fun changeRole(member: Member, role: Role): Member =
        api.changeRole(eventId, member.userId, RoleChange(role)).also { memberState.put(it) }

    // ---- accept: the server's answer to a write made elsewhere (e.g. an edit through a PATCH route)

    suspend fun accept(event: Event) {
        eventState.set(event)
        quietly { summaryState.set(api.budgetSummary(eventId)) }
    }

    fun accept(household: Household): Unit = householdState.put(household)

    fun accept(guest: Guest): Unit = guestState.put(guest)

    suspend fun accept(task: Task) {
        taskState.put(task)
        quietly { timelineState.set(api.timeline(eventId)) }
    }

    suspend fun accept(item: BudgetItem) {
        budgetItemState.put(item)
        quietly { summaryState.set(api.budgetSummary(eventId)) }
    }

    // ---- live

    private fun listen() {
        jobs = listOf(
            // Undispatched: collecting has begun before open() subscribes, so no frame is missed.
            scope.launch(start = CoroutineStart.UNDISPATCHED) {
                live.messages.collect { if (it.eventId == eventId || it is LiveMessage.Hello) inbox.send(it) }
            },
            scope.launch {
                for (first in inbox) {
                    val batch = mutableListOf(first)
                    while (true) batch += inbox.tryReceive().getOrNull() ?: break
                    handle(batch)
                }
            },
        )
    }

    /** Handles what arrived together: runs of changes are applied at once, one fetch per changed thing. */
    private suspend fun handle(batch: List<LiveMessage>) {
        val changes = mutableListOf<Change>()
        for (message in batch + null) {
            if (message is LiveMessage.Changed) {
                changes += message.change
                continue
            }
            tryOrGoStale { if (changes.isNotEmpty()) turn.withLock { apply(changes) } }
            changes.clear()
            when (message) {
                is LiveMessage.Subscribed -> turn.withLock { if (!stale) advance(message.cursor) }
                is LiveMessage.Resync -> tryOrGoStale {
                    catchUp()
                    live.subscribe(eventId) { store.cursor(eventId) }
                }
                is LiveMessage.Revoked -> turn.withLock { lose(NO_ACCESS) }
                is LiveMessage.Hello -> if (stale) refresh()
                else -> Unit
            }
        }
    }

    /** Fetches what [changes] touched again (only the last change of each thing matters), then moves the cursor. */
    private suspend fun apply(changes: List<Change>) {
        if (changes.isEmpty() || gone) return
        val reload = mutableSetOf<EntityType>()
        for (change in changes.associateBy { it.entityType to it.entityId }.values) {
            when (change.entityType) {
                EntityType.EVENT ->
                    if (change.op == ChangeOp.DELETED) return lose(EVENT_DELETED) else eventState.set(api.event(eventId))
                EntityType.HOUSEHOLD -> refetch(householdState, change) { api.household(eventId, it) }
                EntityType.GUEST -> refetch(guestState, change) { api.guest(eventId, it) }
                EntityType.TASK -> refetch(taskState, change) { api.task(eventId, it) }
                EntityType.BUDGET_ITEM -> refetch(budgetItemState, change) { api.budgetItem(eventId, it) }
                EntityType.MEMBER, EntityType.INVITE, EntityType.RECEIPT -> Unit
            }
            reload += change.entityType
        }
        if (EntityType.MEMBER in reload) {
            memberState.replace(api.members(eventId).members)
            eventState.set(api.event(eventId)) // this person's role may be what changed
        }
        if (EntityType.INVITE in reload) inviteState.replace(api.invites(eventId).invites)
        if (EntityType.HOUSEHOLD in reload) guestState.replace(api.guests(eventId).guests)
        if (EntityType.RECEIPT in reload) budgetItemState.replace(api.budgetItems(eventId).budgetItems)
        if (EntityType.TASK in reload) timelineState.set(api.timeline(eventId))
        if (reload.any { it == EntityType.BUDGET_ITEM || it == EntityType.RECEIPT || it == EntityType.EVENT }) {
            summaryState.set(api.budgetSummary(eventId))
        }
        advance(changes.maxOf { it.seq })
    }

    private suspend fun <T : Any> refetch(items: Items<T>, change: Change, get: suspend (String) -> T) {
        if (change.op == ChangeOp.DELETED) return items.remove(change.entityId)
        try {
            items.put(get(change.entityId))
        } catch (e: ApiException) {
            if (e.status != 404) throw e
            items.remove(change.entityId)
        }
    }

    private suspend fun newestChange(): Long {
        var cursor = store.cursor(eventId)
        do {
            val page = api.changes(eventId, cursor)
            cursor = page.cursor
        } while (page.hasMore)
        return cursor
    }

    private fun advance(cursor: Long) {
        if (!gone && cursor > store.cursor(eventId)) store.setCursor(eventId, cursor)
    }

    /** Access ended: the event is forgotten here and every screen of it says why. */
    private fun lose(why: String) {
        gone = true
        store.removeEvent(eventId)
        everything.forEach { it.flow.value = Loadable.Failed(why) }
        live.unsubscribe(eventId)
    }

    /** Whether the store holds this event's data (it was loaded at least once). */
    private fun known(): Boolean = store.cursor(eventId) > 0

    private suspend fun tryOrGoStale(work: suspend () -> Unit) {
        try {
            work()
        } catch (e: IOException) {
            stale = true
        }
    }

    private suspend fun quietly(work: suspend () -> Unit) {
        try {
            work()
        } catch (_: IOException) {
            // The next change or refresh brings it.
        }
    }

    private fun <T : Any> single(kind: Kind<T>) =
        One({ store.list(kind, eventId).firstOrNull() }, { store.replaceAll(kind, eventId, listOf(it)) })

    companion object {
        const val NO_ACCESS = "You no longer have access to this event"
        const val EVENT_DELETED = "This event was deleted"
    }
}
