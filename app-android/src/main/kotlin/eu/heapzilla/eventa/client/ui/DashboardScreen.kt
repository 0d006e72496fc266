package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.api.BudgetSummary
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.LoadableContent
import eu.heapzilla.eventa.client.ui.components.ScreenTags
import java.time.LocalDate

/** Everything the dashboard summarises; [budget] is null until the summary arrives. */
data class DashboardData(
    val event: Event,
    val guests: List<Guest>,
    val tasks: List<Task>,
    val budget: BudgetSummary?,
    val members: List<Member>,
)

/** What [DashboardScreen] shows; [today] is the day in the event's timezone (days to go, overdue). */
data class DashboardState(val data: Loadable<DashboardData>, val today: LocalDate)

/** The screens the dashboard leads to. */
enum class Destination { BRIEF, GUESTS, CHECKLIST, TIMELINE, BUDGET, MEMBERS }

/** Test tags of [DashboardScreen]. */
object DashboardTags : ScreenTags("dashboard") {
    const val HEADER = "dashboard.header"
    const val DAYS_TO_GO = "dashboard.daysToGo"
    const val GUESTS_CARD = "dashboard.guests"
    const val CHECKLIST_CARD = "dashboard.checklist"
    const val BUDGET_CARD = "dashboard.budget"
    const val MEMBERS_CARD = "dashboard.members"
    const val OVER_BUDGET = "dashboard.overBudget"
    fun open(destination: Destination) = "dashboard.open.${destination.name.lowercase()}"
}

/** An event at a glance: its header and a card per area; every "Open" button calls [onNavigate]. */
@Composable
fun DashboardScreen(
    state: DashboardState,
    onNavigate: (Destination) -> Unit,
    onBack: () -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val title = state.data.valueOrNull()?.event?.title ?: "Event"
    EventaScaffold(title = title, tags = DashboardTags, onBack = onBack, modifier = modifier) {
        LoadableContent(state.data, DashboardTags, onRetry) { data ->
            Column(
                Modifier.verticalScroll(rememberScrollState()).padding(16.dp),
                verticalArrangement = Arrangement.spacedBy(12.dp),
            ) {
                Header(data.event, state.today)
                GuestsCard(data.guests, onNavigate)
                ChecklistCard(data.tasks, state.today, onNavigate)
                BudgetCard(data.budget, onNavigate)
                AreaCard("Members", DashboardTags.MEMBERS_CARD, Destination.MEMBERS, onNavigate) {
                    Text("${data.members.size} planning together")
                }
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    OutlinedButton(onClick = { onNavigate(Destination.BRIEF) },
                        modifier = Modifier.testTag(DashboardTags.open(Destination.BRIEF))) { Text("Brief") }
                    OutlinedButton(onClick = { onNavigate(Destination.TIMELINE) },
                        modifier = Modifier.testTag(DashboardTags.open(Destination.TIMELINE))) { Text("Timeline") }
                }
            }
        }
    }
}

@Composable
private fun Header(event: Event, today: LocalDate) {
    val locale = LocalAppLocale.current
    val day = event.date?.let(Formats::parseDay)
    Column(Modifier.testTag(DashboardTags.HEADER), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(event.title, style = MaterialTheme.typography.headlineSmall, fontWeight = FontWeight.Bold)
        Text(event.date?.let { Formats.date(it, locale) } ?: "No date yet", style = MaterialTheme.typography.titleMedium)
        if (day != null) {
            Text(daysToGo(day, today), color = MaterialTheme.colorScheme.primary,
                modifier = Modifier.testTag(DashboardTags.DAYS_TO_GO))
        }
        event.location?.let { Text(it, color = MaterialTheme.colorScheme.onSurfaceVariant) }
    }
}

/** "42 days to go", "Tomorrow!", "Today!", "3 days ago". */
internal fun daysToGo(day: LocalDate, today: LocalDate): String {
    val distance = java.time.temporal.ChronoUnit.DAYS.between(today, day)
    return when {
        distance > 1 -> "$distance days to go"
        distance == 1L -> "Tomorrow!"
        distance == 0L -> "Today!"
        else -> Formats.relativeDays(day, today).replaceFirstChar { it.uppercase() }
    }
}

@Composable
private fun AreaCard(
    title: String,
    tag: String,
    destination: Destination,
    onNavigate: (Destination) -> Unit,
    content: @Composable () -> Unit,
) {
    Card(onClick = { onNavigate(destination) }, modifier = Modifier.fillMaxWidth().testTag(tag)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Row {
                Text(title, style = MaterialTheme.typography.titleMedium, modifier = Modifier.weight(1f))
                Text("Open ›", color = MaterialTheme.colorScheme.primary,
                    modifier = Modifier.testTag(DashboardTags.open(destination)))
            }
            content()
        }
    }
}

@Composable
private fun GuestsCard(guests: List<Guest>, onNavigate: (Destination) -> Unit) {
    val counts = guests.groupingBy { it.rsvp }.eachCount()
    AreaCard("Guests", DashboardTags.GUESTS_CARD, Destination.GUESTS, onNavigate) {
        Text("${guests.size} invited")
        Text(listOf(Rsvp.YES, Rsvp.NO, Rsvp.MAYBE, Rsvp.PENDING).joinToString(" · ") { "${counts[it] ?: 0} ${rsvpLabel(it).lowercase()}" },
            color = MaterialTheme.colorScheme.onSurfaceVariant)
    }
}

@Composable
private fun ChecklistCard(tasks: List<Task>, today: LocalDate, onNavigate: (Destination) -> Unit) {
    val locale = LocalAppLocale.current
    val open = tasks.filterNot { it.done }
    val overdue = open.count { isOverdue(it, today) }
    val next = open.filter { it.dueOn != null }.sortedBy { it.dueOn }.take(3)
    AreaCard("Checklist", DashboardTags.CHECKLIST_CARD, Destination.CHECKLIST, onNavigate) {
        Text("${open.size} open · ${tasks.size - open.size} done")
        if (overdue > 0) Text("$overdue overdue", color = MaterialTheme.colorScheme.error)
        next.forEach { task ->
            Text("• ${task.title} — ${Formats.date(task.dueOn!!, locale)}", style = MaterialTheme.typography.bodyMedium,
                color = if (isOverdue(task, today)) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface)
        }
    }
}

@Composable
private fun BudgetCard(budget: BudgetSummary?, onNavigate: (Destination) -> Unit) {
    val locale = LocalAppLocale.current
    AreaCard("Budget", DashboardTags.BUDGET_CARD, Destination.BUDGET, onNavigate) {
        if (budget == null) {
            Text("Loading…")
        } else {
            val money = { cents: Long -> Formats.money(cents, budget.currency, locale) }
            Text("Expected ${money(budget.overall.expectedCents)}")
            Text(budget.plannedCents?.let { "Planned ${money(it)}" } ?: "No budget planned",
                color = MaterialTheme.colorScheme.onSurfaceVariant)
            if (budget.overBudget) {
                Text("Over budget by ${money(-(budget.remainingCents ?: 0))}", color = MaterialTheme.colorScheme.error,
                    fontWeight = FontWeight.Bold, modifier = Modifier.testTag(DashboardTags.OVER_BUDGET))
            }
        }
    }
}

/** An open task whose due day is before [today]. */
internal fun isOverdue(task: Task, today: LocalDate): Boolean =
    !task.done && task.dueOn?.let(Formats::parseDay)?.isBefore(today) == true

/** "Yes", "No", "Maybe", "Pending". */
internal fun rsvpLabel(rsvp: Rsvp): String = rsvp.name.lowercase().replaceFirstChar { it.uppercase() }
