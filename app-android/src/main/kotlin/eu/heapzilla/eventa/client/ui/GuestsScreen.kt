package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material3.AssistChip
import androidx.compose.material3.AssistChipDefaults
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.Household
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.ui.components.Changes
import eu.heapzilla.eventa.client.ui.components.EmptyState
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.FormDialog
import eu.heapzilla.eventa.client.ui.components.LabeledField
import eu.heapzilla.eventa.client.ui.components.LoadableContent
import eu.heapzilla.eventa.client.ui.components.ScreenTags
import eu.heapzilla.eventa.client.ui.components.SectionHeader
import eu.heapzilla.eventa.client.ui.components.rememberPendingDelete

/** The guest list: households and their guests. */
data class GuestsData(val households: List<Household>, val guests: List<Guest>)

/** What [GuestsScreen] shows; [canEdit] from the person's role. */
data class GuestsState(val data: Loadable<GuestsData>, val canEdit: Boolean = true)

/** Test tags of [GuestsScreen] and its dialogs. */
object GuestsTags : ScreenTags("guests") {
    const val COUNTS = "guests.counts"
    const val ADD_GUEST = "guests.addGuest"
    const val ADD_HOUSEHOLD = "guests.addHousehold"
    const val HOUSEHOLD_DIALOG = "guests.householdDialog"
    const val HOUSEHOLD_NAME = "guests.householdDialog.name"
    const val HOUSEHOLD_SAVE = "guests.householdDialog.save"
    const val GUEST_DIALOG = "guests.guestDialog"
    const val GUEST_NAME = "guests.guestDialog.name"
    const val GUEST_HOUSEHOLD = "guests.guestDialog.household"
    const val GUEST_EMAIL = "guests.guestDialog.email"
    const val GUEST_RSVP = "guests.guestDialog.rsvp"
    const val GUEST_PLUS_ONE = "guests.guestDialog.plusOne"
    const val GUEST_CHILD = "guests.guestDialog.child"
    const val GUEST_MEAL = "guests.guestDialog.meal"
    const val GUEST_DIETARY = "guests.guestDialog.dietary"
    const val GUEST_SAVE = "guests.guestDialog.save"
    fun household(id: String) = "guests.household.$id"
    fun guest(id: String) = "guests.guest.$id"
    fun rsvpChip(guestId: String) = "guests.rsvp.$guestId"
    fun rsvpOption(guestId: String, rsvp: Rsvp) = "guests.rsvp.$guestId.${rsvp.name.lowercase()}"
    fun delete(guestId: String) = "guests.delete.$guestId"
    fun householdOption(id: String) = "guests.guestDialog.household.$id"
    fun rsvpChoice(rsvp: Rsvp) = "guests.guestDialog.rsvp.${rsvp.name.lowercase()}"
}

/**
 * Households as groups with their guests. A guest's RSVP chip opens a menu ([onRsvp]); tapping a guest
 * edits it ([onUpdateGuest] gets the [Changes]: `name`, `household_id`, `email`, `rsvp`, `plus_one`,
 * `child`, `meal_choice`, `dietary_notes`); "Add guest" creates one ([onAddGuest]); delete asks first.
 */
@Composable
fun GuestsScreen(
    state: GuestsState,
    onRsvp: (Guest, Rsvp) -> Unit,
    onAddHousehold: (name: String) -> Unit,
    onAddGuest: (GuestCreate) -> Unit,
    onUpdateGuest: (Guest, Changes) -> Unit,
    onDeleteGuest: (Guest) -> Unit,
    onBack: () -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    var addingHousehold by remember { mutableStateOf(false) }
    var editing by remember { mutableStateOf<GuestDialogTarget?>(null) }
    val pendingDelete = rememberPendingDelete<Guest>()
    val data = state.data.valueOrNull()
    EventaScaffold(
        title = "Guests",
        tags = GuestsTags,
        onBack = onBack,
        modifier = modifier,
        actions = {
            if (state.canEdit && data != null) {
                TextButton(onClick = { addingHousehold = true }, modifier = Modifier.testTag(GuestsTags.ADD_HOUSEHOLD)) {
                    Text("Add household", color = MaterialTheme.colorScheme.onPrimary)
                }
            }
        },
        floatingActionButton = {
            if (state.canEdit && data != null && data.households.isNotEmpty()) {
                ExtendedFloatingActionButton(
                    onClick = { editing = GuestDialogTarget(null) },
                    icon = { Icon(Icons.Filled.Add, contentDescription = null) },
                    text = { Text("Add guest") },
                    modifier = Modifier.testTag(GuestsTags.ADD_GUEST),
                )
            }
        },
    ) {
        LoadableContent(state.data, GuestsTags, onRetry) { guests ->
            if (guests.households.isEmpty()) {
                EmptyState("No guests yet", GuestsTags.EMPTY, hint = "Add a household first, then its guests.")
            } else {
                GuestList(guests, state.canEdit, onRsvp, onEdit = { editing = GuestDialogTarget(it) }, onDelete = pendingDelete::ask)
            }
        }
    }
    if (addingHousehold) {
        HouseholdDialog(onSave = { addingHousehold = false; onAddHousehold(it) }, onDismiss = { addingHousehold = false })
    }
    val target = editing
    if (target != null && data != null) {
        GuestDialog(
            guest = target.guest,
            households = data.households,
            onCreate = { editing = null; onAddGuest(it) },
            onUpdate = { guest, changes -> editing = null; onUpdateGuest(guest, changes) },
            onDismiss = { editing = null },
        )
    }
    pendingDelete.Host(name = { it.name }, onDelete = onDeleteGuest)
}

/** The guest dialog's subject: null for a new guest. */
private data class GuestDialogTarget(val guest: Guest?)

@Composable
private fun GuestList(
    data: GuestsData,
    canEdit: Boolean,
    onRsvp: (Guest, Rsvp) -> Unit,
    onEdit: (Guest) -> Unit,
    onDelete: (Guest) -> Unit,
) {
    val byHousehold = data.guests.groupBy { it.householdId }
    LazyColumn {
        item { RsvpCounts(data.guests) }
        data.households.sortedBy { it.name }.forEach { household ->
            val members = byHousehold[household.id].orEmpty()
            item(key = household.id) {
                SectionHeader(household.name, Modifier.testTag(GuestsTags.household(household.id)), count = members.size)
            }
            items(members, key = { it.id }) { guest ->
                GuestRow(guest, canEdit, onRsvp, onEdit, onDelete)
            }
        }
    }
}

@Composable
private fun RsvpCounts(guests: List<Guest>) {
    val counts = guests.groupingBy { it.rsvp }.eachCount()
    Text(
        "${guests.size} guests · " + listOf(Rsvp.YES, Rsvp.NO, Rsvp.MAYBE, Rsvp.PENDING)
            .joinToString(" · ") { "${counts[it] ?: 0} ${rsvpLabel(it).lowercase()}" },
        style = MaterialTheme.typography.titleSmall,
        modifier = Modifier.fillMaxWidth().padding(16.dp, 12.dp).testTag(GuestsTags.COUNTS),
    )
}

@Composable
private fun GuestRow(
    guest: Guest,
    canEdit: Boolean,
    onRsvp: (Guest, Rsvp) -> Unit,
    onEdit: (Guest) -> Unit,
    onDelete: (Guest) -> Unit,
) {
    val details = listOfNotNull(
        "child".takeIf { guest.child },
        "+1".takeIf { guest.plusOne },
        guest.mealChoice,
        guest.dietaryNotes,
    ).joinToString(" · ")
    ListItem(
        headlineContent = { Text(guest.name) },
        supportingContent = if (details.isEmpty()) null else { { Text(details) } },
        trailingContent = {
            Row(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
                RsvpChip(guest, canEdit, onRsvp)
                if (canEdit) {
                    IconButton(onClick = { onDelete(guest) }, modifier = Modifier.testTag(GuestsTags.delete(guest.id))) {
                        Icon(Icons.Filled.Delete, contentDescription = "Delete ${guest.name}")
                    }
                }
            }
        },
        modifier = Modifier.clickable(enabled = canEdit) { onEdit(guest) }.testTag(GuestsTags.guest(guest.id)),
    )
}

/** The colour of an answer: yes green, no red, maybe amber, pending grey. */
@Composable
internal fun rsvpColor(rsvp: Rsvp): Color = when (rsvp) {
    Rsvp.YES -> Color(0xFF2E7D32)
    Rsvp.NO -> MaterialTheme.colorScheme.error
    Rsvp.MAYBE -> Color(0xFFB26A00)
    Rsvp.PENDING -> MaterialTheme.colorScheme.outline
}

@Composable
private fun RsvpChip(guest: Guest, canEdit: Boolean, onRsvp: (Guest, Rsvp) -> Unit) {
    var open by remember { mutableStateOf(false) }
    Box {
        AssistChip(
            onClick = { if (canEdit) open = true },
            label = { Text(rsvpLabel(guest.rsvp)) },
            colors = AssistChipDefaults.assistChipColors(labelColor = rsvpColor(guest.rsvp)),
            modifier = Modifier.testTag(GuestsTags.rsvpChip(guest.id)),
        )
        DropdownMenu(expanded = open, onDismissRequest = { open = false }) {
            Rsvp.entries.forEach { rsvp ->
                DropdownMenuItem(
                    text = { Text(rsvpLabel(rsvp), color = rsvpColor(rsvp)) },
                    onClick = {
                        open = false
                        if (rsvp != guest.rsvp) onRsvp(guest, rsvp)
                    },
                    modifier = Modifier.testTag(GuestsTags.rsvpOption(guest.id, rsvp)),
                )
            }
        }
    }
}

@Composable
internal fun HouseholdDialog(onSave: (String) -> Unit, onDismiss: () -> Unit) {
    var name by remember { mutableStateOf("") }
    FormDialog(
        title = "New household",
        tag = GuestsTags.HOUSEHOLD_DIALOG,
        saveTag = GuestsTags.HOUSEHOLD_SAVE,
        canSave = name.isNotBlank(),
        onSave = { onSave(name.trim()) },
        onDismiss = onDismiss,
    ) {
        LabeledField("Name", name, { name = it }, GuestsTags.HOUSEHOLD_NAME, placeholder = "The Müllers")
    }
}
