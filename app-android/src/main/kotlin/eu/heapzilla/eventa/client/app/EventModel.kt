package eu.heapzilla.eventa.client.app

import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.ApiException
import eu.heapzilla.eventa.client.api.BudgetItem
import eu.heapzilla.eventa.client.api.BudgetItemCreate
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.HouseholdCreate
import eu.heapzilla.eventa.client.api.Invite
import eu.heapzilla.eventa.client.api.InviteRequest
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.TaskCreate
import eu.heapzilla.eventa.client.conflict.PatchOutcome
import eu.heapzilla.eventa.client.conflict.Patcher
import eu.heapzilla.eventa.client.store.Store
import eu.heapzilla.eventa.client.sync.EventRepository
import eu.heapzilla.eventa.client.sync.LiveConnection
import eu.heapzilla.eventa.client.ui.components.Changes
import java.io.IOException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.serialization.json.JsonElement

/**
 * The state holder of one open event's screens: its [repository]'s data, and every action the
 * screens offer. Edits go through a [Patcher], so an edit made on a stale copy is merged when
 * someone else changed other fields, and otherwise shown as a [conflict] for the person to settle.
 */
class EventModel(
    val eventId: String,
    client: ApiClient,
    store: Store,
    live: LiveConnection,
    private val scope: CoroutineScope,
    private val failed: (IOException) -> Unit,
    private val me: () -> String?,
) {
    private val api = client.api
    val repository = EventRepository(eventId, api, store, live, scope)

    private val mutableConflict = MutableStateFlow<PatchOutcome.Conflict<*>?>(null)

    /** An edit that clashed with someone else's, waiting for "keep mine" or "keep theirs". */
    val conflict: StateFlow<PatchOutcome.Conflict<*>?> = mutableConflict.asStateFlow()

    val myUserId: String? get() = me()

    suspend fun open() = repository.open()

    fun close() = repository.close()

    fun retry() = act { repository.refresh() }

    fun saveBrief(changes: Changes) {
        val event = repository.event.value.valueOrNull() ?: return
        edit(eventPatcher, event, changes)
    }

    fun setRsvp(guest: Guest, rsvp: Rsvp) = updateGuest(guest, mapOf("rsvp" to rsvp.name.lowercase()))

    fun updateGuest(guest: Guest, changes: Changes) =
        edit(guestPatcher(guest.id), guest, changes)

    fun updateTask(task: Task, changes: Changes) =
        edit(taskPatcher(task.id), task, changes)

    fun updateBudgetItem(item: BudgetItem, changes: Changes) =
        edit(budgetItemPatcher(item.id), item, changes)

    fun addHousehold(name: String) = act { repository.createHousehold(HouseholdCreate(name)) }

    fun addGuest(body: GuestCreate) = act { repository.createGuest(body) }

    fun deleteGuest(guest: Guest) = act { repository.deleteGuest(guest) }

    fun addTask(body: TaskCreate) = act { repository.createTask(body) }

    /** Ticks a task off (or back on); a stale version is retried once on the task as it is now. */
    fun setDone(task: Task, done: Boolean) = act {
        try {
            repository.completeTask(task, done)
        } catch (e: ApiException) {
            if (!e.isVersionConflict) throw e
            val current = api.task(eventId, task.id)
            if (current.done != done) repository.completeTask(current, done) else repository.accept(current)
        }
    }

    fun deleteTask(task: Task) = act { repository.deleteTask(task) }

    fun addBudgetItem(body: BudgetItemCreate) = act { repository.createBudgetItem(body) }

    fun deleteBudgetItem(item: BudgetItem) = act { repository.deleteBudgetItem(item) }

    fun attachReceipt(item: BudgetItem, file: PickedFile) =
        act { repository.uploadReceipt(item, file.name, file.mediaType, file.bytes) }

    fun invite(request: InviteRequest) = act { repository.invite(request.email, request.role) }

    fun revokeInvite(invite: Invite) = act { repository.revokeInvite(invite) }

    fun changeRole(member: Member, role: Role) = act { repository.changeRole(member, role) }

    fun removeMember(member: Member) = act { repository.removeMember(member) }

    /** Settles the shown conflict with this person's values. */
    fun keepMine() {
        val shown = mutableConflict.value ?: return
        mutableConflict.value = null
        act { settle(shown.keepMine()) }
    }

    /** Settles the shown conflict with the other person's values (nothing is sent). */
    fun keepTheirs() {
        val shown = mutableConflict.value ?: return
        mutableConflict.value = null
        scope.launch { accept(shown.keepTheirs()) }
    }

    private val eventPatcher = Patcher(Event.serializer(), Event::version,
        send = { api.editEvent(eventId, it) }, fetch = { api.event(eventId) })

    private fun guestPatcher(id: String) = Patcher(Guest.serializer(), Guest::version,
        send = { api.editGuest(eventId, id, it) }, fetch = { api.guest(eventId, id) })

    private fun taskPatcher(id: String) = Patcher(Task.serializer(), Task::version,
        send = { api.editTask(eventId, id, it) }, fetch = { api.task(eventId, id) })

    private fun budgetItemPatcher(id: String) = Patcher(BudgetItem.serializer(), BudgetItem::version,
        send = { api.editBudgetItem(eventId, id, it) }, fetch = { api.budgetItem(eventId, id) })

    private fun <T : Any> edit(patcher: Patcher<T>, base: T, changes: Changes) {
        if (changes.isEmpty()) return
        val edit: Map<String, JsonElement> = changes.mapValues { (_, value) -> JsonValues.of(value) }
        act { settle(patcher.patch(base, edit)) }
    }

    /** Shows what the server now holds; a conflict also waits for the person's choice. */
    private suspend fun settle(outcome: PatchOutcome<*>) {
        when (outcome) {
            is PatchOutcome.Saved -> accept(outcome.value)
            is PatchOutcome.Conflict -> {
                accept(outcome.current)
                mutableConflict.value = outcome
            }
        }
    }

    private suspend fun accept(value: Any) {
        when (value) {
            is Event -> repository.accept(value)
            is Guest -> repository.accept(value)
            is Task -> repository.accept(value)
            is BudgetItem -> repository.accept(value)
        }
    }

    private fun act(action: suspend () -> Unit) {
        scope.launch {
            try {
                action()
            } catch (e: IOException) {
                failed(e)
            }
        }
    }
}
