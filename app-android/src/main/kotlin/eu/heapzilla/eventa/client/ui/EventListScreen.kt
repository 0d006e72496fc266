package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.Icon
import androidx.compose.material3.ListItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.ui.components.DateField
import eu.heapzilla.eventa.client.ui.components.EmptyState
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.FormDialog
import eu.heapzilla.eventa.client.ui.components.LabeledField
import eu.heapzilla.eventa.client.ui.components.LoadableContent
import eu.heapzilla.eventa.client.ui.components.ScreenTags
import eu.heapzilla.eventa.client.ui.components.isBlankOrIsoDate
import eu.heapzilla.eventa.client.ui.components.orNullIfBlank
import java.util.Currency

/** What [EventListScreen] shows: the events the signed-in person is a member of. */
data class EventListState(val events: Loadable<List<Event>>)

/** Test tags of [EventListScreen]. */
object EventListTags : ScreenTags("events") {
    const val NEW_EVENT = "events.new"
    const val DIALOG = "events.dialog"
    const val TITLE = "events.dialog.title"
    const val DATE = "events.dialog.date"
    const val CURRENCY = "events.dialog.currency"
    const val CREATE = "events.dialog.create"
    fun event(id: String) = "events.event.$id"
}

/** The person's events (title, date, role); tapping one calls [onOpen], "New event" asks for title, date and currency. */
@Composable
fun EventListScreen(
    state: EventListState,
    onOpen: (Event) -> Unit,
    onCreate: (EventCreate) -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    var creating by remember { mutableStateOf(false) }
    EventaScaffold(
        title = "Your events",
        tags = EventListTags,
        onBack = null,
        modifier = modifier,
        floatingActionButton = {
            ExtendedFloatingActionButton(
                onClick = { creating = true },
                icon = { Icon(Icons.Filled.Add, contentDescription = null) },
                text = { Text("New event") },
                modifier = Modifier.testTag(EventListTags.NEW_EVENT),
            )
        },
    ) {
        LoadableContent(state.events, EventListTags, onRetry) { events ->
            if (events.isEmpty()) {
                EmptyState("No events yet", EventListTags.EMPTY, hint = "Create one, or open an invite link you were sent.")
            } else {
                LazyColumn {
                    items(events, key = { it.id }) { event ->
                        EventRow(event, onClick = { onOpen(event) })
                        HorizontalDivider()
                    }
                }
            }
        }
    }
    if (creating) {
        NewEventDialog(
            onCreate = {
                creating = false
                onCreate(it)
            },
            onDismiss = { creating = false },
        )
    }
}

@Composable
private fun EventRow(event: Event, onClick: () -> Unit) {
    val locale = LocalAppLocale.current
    ListItem(
        headlineContent = { Text(event.title) },
        supportingContent = { Text(event.date?.let { Formats.date(it, locale) } ?: "No date yet") },
        trailingContent = event.role?.let { { Text(roleLabel(it)) } },
        modifier = Modifier.clickable(onClick = onClick).testTag(EventListTags.event(event.id)),
    )
}

/** "Owner", "Editor", "Viewer". */
internal fun roleLabel(role: Role): String = role.name.lowercase().replaceFirstChar { it.uppercase() }

/** Whether [code] is an ISO 4217 currency the JDK knows. */
internal fun isCurrencyCode(code: String): Boolean =
    code.length == 3 && runCatching { Currency.getInstance(code) }.isSuccess

@Composable
internal fun NewEventDialog(onCreate: (EventCreate) -> Unit, onDismiss: () -> Unit) {
    var title by remember { mutableStateOf("") }
    var date by remember { mutableStateOf("") }
    var currency by remember { mutableStateOf("EUR") }
    val valid = title.isNotBlank() && isBlankOrIsoDate(date) && isCurrencyCode(currency.trim().uppercase())
    FormDialog(
        title = "New event",
        tag = EventListTags.DIALOG,
        saveTag = EventListTags.CREATE,
        saveLabel = "Create",
        canSave = valid,
        onSave = {
            onCreate(EventCreate(title = title.trim(), date = date.orNullIfBlank(), currency = currency.trim().uppercase()))
        },
        onDismiss = onDismiss,
    ) {
        LabeledField("Title", title, { title = it }, EventListTags.TITLE, placeholder = "Jane & Alex's wedding")
        DateField("Date", date, { date = it }, EventListTags.DATE)
        LabeledField(
            "Currency", currency, { currency = it.take(3) }, EventListTags.CURRENCY,
            error = if (isCurrencyCode(currency.trim().uppercase())) null else "A three-letter code such as EUR",
        )
    }
}
