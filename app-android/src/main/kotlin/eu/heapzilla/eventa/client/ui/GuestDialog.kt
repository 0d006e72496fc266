package eu.heapzilla.eventa.client.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.Household
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.signin.looksLikeEmail
import eu.heapzilla.eventa.client.ui.components.Changes
import eu.heapzilla.eventa.client.ui.components.ChoiceField
import eu.heapzilla.eventa.client.ui.components.FormDialog
import eu.heapzilla.eventa.client.ui.components.LabeledCheckbox
import eu.heapzilla.eventa.client.ui.components.LabeledField
import eu.heapzilla.eventa.client.ui.components.changedFields
import eu.heapzilla.eventa.client.ui.components.orNullIfBlank

/** The guest dialog's fields as typed. */
internal data class GuestForm(
    val name: String = "",
    val householdId: String,
    val email: String = "",
    val rsvp: Rsvp = Rsvp.PENDING,
    val plusOne: Boolean = false,
    val child: Boolean = false,
    val mealChoice: String = "",
    val dietaryNotes: String = "",
) {
    val isValid: Boolean get() = name.isNotBlank() && (email.isBlank() || looksLikeEmail(email))

    fun toFields(): Map<String, Any?> = mapOf(
        "name" to name.trim(),
        "household_id" to householdId,
        "email" to email.orNullIfBlank(),
        "rsvp" to rsvp.name.lowercase(),
        "plus_one" to plusOne,
        "child" to child,
        "meal_choice" to mealChoice.orNullIfBlank(),
        "dietary_notes" to dietaryNotes.orNullIfBlank(),
    )

    fun toCreate() = GuestCreate(
        householdId = householdId,
        name = name.trim(),
        email = email.orNullIfBlank(),
        rsvp = rsvp,
        plusOne = plusOne,
        child = child,
        mealChoice = mealChoice.orNullIfBlank(),
        dietaryNotes = dietaryNotes.orNullIfBlank(),
    )

    companion object {
        fun of(guest: Guest) = GuestForm(
            name = guest.name,
            householdId = guest.householdId,
            email = guest.email.orEmpty(),
            rsvp = guest.rsvp,
            plusOne = guest.plusOne,
            child = guest.child,
            mealChoice = guest.mealChoice.orEmpty(),
            dietaryNotes = guest.dietaryNotes.orEmpty(),
        )
    }
}

/** Adds a guest ([guest] null → [onCreate]) or edits one ([onUpdate] with only the changed fields). */
@Composable
internal fun GuestDialog(
    guest: Guest?,
    households: List<Household>,
    onCreate: (GuestCreate) -> Unit,
    onUpdate: (Guest, Changes) -> Unit,
    onDismiss: () -> Unit,
) {
    var form by remember(guest) { mutableStateOf(guest?.let(GuestForm::of) ?: GuestForm(householdId = households.first().id)) }
    FormDialog(
        title = if (guest == null) "Add guest" else "Edit guest",
        tag = GuestsTags.GUEST_DIALOG,
        saveTag = GuestsTags.GUEST_SAVE,
        canSave = form.isValid,
        onSave = {
            if (guest == null) onCreate(form.toCreate()) else onUpdate(guest, changedFields(GuestForm.of(guest).toFields(), form.toFields()))
        },
        onDismiss = onDismiss,
    ) {
        LabeledField("Name", form.name, { form = form.copy(name = it) }, GuestsTags.GUEST_NAME)
        ChoiceField(
            label = "Household",
            selected = households.firstOrNull { it.id == form.householdId } ?: households.first(),
            options = households,
            optionLabel = { it.name },
            onSelect = { form = form.copy(householdId = it.id) },
            tag = GuestsTags.GUEST_HOUSEHOLD,
            optionTag = { GuestsTags.householdOption(it.id) },
        )
        LabeledField("Email", form.email, { form = form.copy(email = it) }, GuestsTags.GUEST_EMAIL,
            error = if (form.email.isBlank() || looksLikeEmail(form.email)) null else "Not an email address")
        ChoiceField(
            label = "RSVP",
            selected = form.rsvp,
            options = Rsvp.entries,
            optionLabel = ::rsvpLabel,
            onSelect = { form = form.copy(rsvp = it) },
            tag = GuestsTags.GUEST_RSVP,
            optionTag = GuestsTags::rsvpChoice,
        )
        LabeledCheckbox("Brings a plus-one", form.plusOne, { form = form.copy(plusOne = it) }, GuestsTags.GUEST_PLUS_ONE)
        LabeledCheckbox("Child", form.child, { form = form.copy(child = it) }, GuestsTags.GUEST_CHILD)
        LabeledField("Meal choice", form.mealChoice, { form = form.copy(mealChoice = it) }, GuestsTags.GUEST_MEAL)
        LabeledField("Dietary notes", form.dietaryNotes, { form = form.copy(dietaryNotes = it) }, GuestsTags.GUEST_DIETARY)
    }
}
