package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Edit
import androidx.compose.material3.Button
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.ui.components.Changes
import eu.heapzilla.eventa.client.ui.components.DateField
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.LabeledField
import eu.heapzilla.eventa.client.ui.components.LoadableContent
import eu.heapzilla.eventa.client.ui.components.ScreenTags
import eu.heapzilla.eventa.client.ui.components.changedFields
import eu.heapzilla.eventa.client.ui.components.isBlankOrIsoDate
import eu.heapzilla.eventa.client.ui.components.orNullIfBlank
import java.time.DateTimeException
import java.time.ZoneId

/** What [BriefScreen] shows: the event; [canEdit] from the person's role. */
data class BriefState(val event: Loadable<Event>, val canEdit: Boolean = true)

/** Test tags of [BriefScreen]. */
object BriefTags : ScreenTags("brief") {
    const val EDIT = "brief.edit"
    const val SAVE = "brief.save"
    const val CANCEL = "brief.cancel"
    const val TITLE = "brief.title"
    const val DATE = "brief.date"
    const val TIMEZONE = "brief.timezone"
    const val CURRENCY = "brief.currency"
    const val LOCATION = "brief.location"
    const val NOTES = "brief.notes"
    const val PLANNED_BUDGET = "brief.plannedBudget"
    fun value(field: String) = "brief.value.$field"
}

/**
 * The event's brief, read-only until Edit; Save calls [onSave] with the [Changes] (wire names `title`,
 * `date`, `timezone`, `currency`, `location`, `notes`, `planned_budget_cents`; only the edited ones, null
 * to clear) and leaves edit mode.
 */
@Composable
fun BriefScreen(
    state: BriefState,
    onSave: (Changes) -> Unit,
    onBack: () -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    var editing by remember { mutableStateOf(false) }
    EventaScaffold(
        title = "Brief",
        tags = BriefTags,
        onBack = onBack,
        modifier = modifier,
        actions = {
            if (state.canEdit && !editing && state.event is Loadable.Ready) {
                IconButton(onClick = { editing = true }, modifier = Modifier.testTag(BriefTags.EDIT)) {
                    Icon(Icons.Filled.Edit, contentDescription = "Edit")
                }
            }
        },
    ) {
        LoadableContent(state.event, BriefTags, onRetry) { event ->
            if (editing) {
                BriefEditor(event, onSave = { onSave(it); editing = false }, onCancel = { editing = false })
            } else {
                BriefView(event)
            }
        }
    }
}

@Composable
private fun BriefView(event: Event) {
    val locale = LocalAppLocale.current
    Column(Modifier.verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        BriefLine("Title", "title", event.title)
        BriefLine("Date", "date", event.date?.let { Formats.date(it, locale) })
        BriefLine("Timezone", "timezone", event.timezone)
        BriefLine("Currency", "currency", event.currency)
        BriefLine("Location", "location", event.location)
        BriefLine("Planned budget", "planned_budget_cents",
            event.plannedBudgetCents?.let { Formats.money(it, event.currency, locale) })
        BriefLine("Notes", "notes", event.notes)
    }
}

@Composable
private fun BriefLine(label: String, field: String, value: String?) {
    Column {
        Text(label, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.primary)
        Text(value ?: "—", style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag(BriefTags.value(field)))
    }
}

/** The brief's editable text, one string per field as typed. */
internal data class BriefForm(
    val title: String,
    val date: String,
    val timezone: String,
    val currency: String,
    val location: String,
    val notes: String,
    val plannedBudget: String,
) {
    val isValid: Boolean
        get() = title.isNotBlank() && isBlankOrIsoDate(date) && isZone(timezone.trim()) &&
            isCurrencyCode(currency.trim().uppercase()) &&
            (plannedBudget.isBlank() || Formats.parseCents(plannedBudget) != null)

    /** The form as wire fields (blank → null). Only meaningful while [isValid]. */
    fun toFields(): Map<String, Any?> = mapOf(
        "title" to title.trim(),
        "date" to date.orNullIfBlank(),
        "timezone" to timezone.trim(),
        "currency" to currency.trim().uppercase(),
        "location" to location.orNullIfBlank(),
        "notes" to notes.orNullIfBlank(),
        "planned_budget_cents" to plannedBudget.orNullIfBlank()?.let(Formats::parseCents),
    )

    companion object {
        fun of(event: Event) = BriefForm(
            title = event.title,
            date = event.date.orEmpty(),
            timezone = event.timezone,
            currency = event.currency,
            location = event.location.orEmpty(),
            notes = event.notes.orEmpty(),
            plannedBudget = event.plannedBudgetCents?.let(Formats::centsInput).orEmpty(),
        )
    }
}

/** The fields of [edited] that differ from [event]'s brief. */
internal fun briefChanges(event: Event, edited: BriefForm): Changes =
    changedFields(BriefForm.of(event).toFields(), edited.toFields())

private fun isZone(id: String): Boolean =
    try {
        ZoneId.of(id)
        true
    } catch (_: DateTimeException) {
        false
    }

@Composable
internal fun BriefEditor(event: Event, onSave: (Changes) -> Unit, onCancel: () -> Unit) {
    var form by remember(event.id, event.version) { mutableStateOf(BriefForm.of(event)) }
    Column(Modifier.verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        LabeledField("Title", form.title, { form = form.copy(title = it) }, BriefTags.TITLE)
        DateField("Date", form.date, { form = form.copy(date = it) }, BriefTags.DATE)
        LabeledField("Timezone", form.timezone, { form = form.copy(timezone = it) }, BriefTags.TIMEZONE,
            error = if (isZone(form.timezone.trim())) null else "A zone such as Europe/Berlin")
        LabeledField("Currency", form.currency, { form = form.copy(currency = it.take(3)) }, BriefTags.CURRENCY,
            error = if (isCurrencyCode(form.currency.trim().uppercase())) null else "A three-letter code such as EUR")
        LabeledField("Location", form.location, { form = form.copy(location = it) }, BriefTags.LOCATION)
        LabeledField("Planned budget", form.plannedBudget, { form = form.copy(plannedBudget = it) }, BriefTags.PLANNED_BUDGET,
            placeholder = "25000.00",
            error = if (form.plannedBudget.isBlank() || Formats.parseCents(form.plannedBudget) != null) null else "An amount such as 25000.00")
        LabeledField("Notes", form.notes, { form = form.copy(notes = it) }, BriefTags.NOTES, singleLine = false)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(onClick = onCancel, modifier = Modifier.testTag(BriefTags.CANCEL)) { Text("Cancel") }
            Button(onClick = { onSave(briefChanges(event, form)) }, enabled = form.isValid,
                modifier = Modifier.testTag(BriefTags.SAVE)) { Text("Save") }
        }
    }
}
