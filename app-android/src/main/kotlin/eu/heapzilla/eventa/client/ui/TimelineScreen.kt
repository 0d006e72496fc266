package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.MaterialTheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.Timeline
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.ui.components.EmptyState
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.LoadableContent
import eu.heapzilla.eventa.client.ui.components.ScreenTags
import eu.heapzilla.eventa.client.ui.components.SectionHeader
import java.time.LocalDate

/** What [TimelineScreen] shows: the server's timeline and the members (for assignee names). */
data class TimelineState(val timeline: Loadable<Timeline>, val members: List<Member> = emptyList(), val canEdit: Boolean = true)

/** Test tags of [TimelineScreen]; buckets by their wire names (`overdue`, `this_week`, ...); a task's checkbox is [ChecklistTags.taskCheckbox]. */
object TimelineTags : ScreenTags("timeline") {
    fun bucket(name: String) = "timeline.bucket.$name"
    fun task(id: String) = "timeline.task.$id"
}

/** One timeline section: wire name, heading, tasks. */
internal data class TimelineSection(val name: String, val title: String, val tasks: List<Task>)

/** The buckets in display order, empty ones left out. */
internal fun timelineSections(timeline: Timeline): List<TimelineSection> = with(timeline.buckets) {
    listOf(
        TimelineSection("overdue", "Overdue", overdue),
        TimelineSection("this_week", "This week", thisWeek),
        TimelineSection("this_month", "This month", thisMonth),
        TimelineSection("later", "Later", later),
        TimelineSection("undated", "No date", undated),
        TimelineSection("done", "Done", done),
    ).filter { it.tasks.isNotEmpty() }
}

/** What is overdue and what is next, as the server bucketed it; ticking a task calls [onSetDone]. */
@Composable
fun TimelineScreen(
    state: TimelineState,
    onSetDone: (Task, done: Boolean) -> Unit,
    onOpenTask: (Task) -> Unit,
    onBack: () -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    EventaScaffold(title = "Timeline", tags = TimelineTags, onBack = onBack, modifier = modifier) {
        LoadableContent(state.timeline, TimelineTags, onRetry) { timeline ->
            val sections = timelineSections(timeline)
            if (sections.isEmpty()) {
                EmptyState("Nothing planned yet", TimelineTags.EMPTY, hint = "Tasks with due dates show up here.")
            } else {
                val today = LocalDate.parse(timeline.today)
                val names = state.members.associate { it.userId to it.displayName }
                LazyColumn {
                    sections.forEach { section ->
                        item(key = "bucket-${section.name}") {
                            SectionHeader(
                                section.title,
                                Modifier.testTag(TimelineTags.bucket(section.name)),
                                count = section.tasks.size,
                                color = if (section.name == "overdue") MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.primary,
                            )
                        }
                        items(section.tasks, key = { "${section.name}-${it.id}" }) { task ->
                            TaskRow(task, names[task.assigneeId], today, state.canEdit, onSetDone, onEdit = onOpenTask, onDelete = null,
                                rowTag = TimelineTags.task(task.id))
                        }
                    }
                }
            }
        }
    }
}
