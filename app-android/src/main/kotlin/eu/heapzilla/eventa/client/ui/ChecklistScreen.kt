package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material3.Checkbox
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.style.TextDecoration
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.TaskCreate
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.ui.components.Changes
import eu.heapzilla.eventa.client.ui.components.EmptyState
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.LoadableContent
import eu.heapzilla.eventa.client.ui.components.ScreenTags
import eu.heapzilla.eventa.client.ui.components.rememberPendingDelete
import java.time.LocalDate

/** The checklist's tasks and the members they can be assigned to. */
data class ChecklistData(val tasks: List<Task>, val members: List<Member>)

/** What [ChecklistScreen] shows; [today] decides what is overdue; [canEdit] from the person's role. */
data class ChecklistState(val data: Loadable<ChecklistData>, val today: LocalDate, val canEdit: Boolean = true)

/** Test tags of [ChecklistScreen] and its task dialog. */
object ChecklistTags : ScreenTags("checklist") {
    const val ADD = "checklist.add"
    const val DIALOG = "checklist.dialog"
    const val TITLE = "checklist.dialog.title"
    const val DUE = "checklist.dialog.due"
    const val ASSIGNEE = "checklist.dialog.assignee"
    const val NOTES = "checklist.dialog.notes"
    const val SAVE = "checklist.dialog.save"
    const val UNASSIGNED = "checklist.dialog.assignee.none"
    fun task(id: String) = "checklist.task.$id"
    fun taskCheckbox(id: String) = "checklist.task.$id.checkbox"
    fun taskDue(id: String) = "checklist.task.$id.due"
    fun delete(id: String) = "checklist.task.$id.delete"
    fun assigneeOption(userId: String) = "checklist.dialog.assignee.$userId"
}

/**
 * The tasks, open ones first by due date: the checkbox calls [onSetDone], tapping a task edits it
 * ([onUpdateTask] with [Changes] of `title`, `due_on`, `assignee_id`, `notes`), "Add task" creates one,
 * delete asks first.
 */
@Composable
fun ChecklistScreen(
    state: ChecklistState,
    onSetDone: (Task, done: Boolean) -> Unit,
    onAddTask: (TaskCreate) -> Unit,
    onUpdateTask: (Task, Changes) -> Unit,
    onDeleteTask: (Task) -> Unit,
    onBack: () -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    var editing by remember { mutableStateOf<TaskDialogTarget?>(null) }
    val pendingDelete = rememberPendingDelete<Task>()
    val data = state.data.valueOrNull()
    EventaScaffold(
        title = "Checklist",
        tags = ChecklistTags,
        onBack = onBack,
        modifier = modifier,
        floatingActionButton = {
            if (state.canEdit && data != null) {
                ExtendedFloatingActionButton(
                    onClick = { editing = TaskDialogTarget(null) },
                    icon = { Icon(Icons.Filled.Add, contentDescription = null) },
                    text = { Text("Add task") },
                    modifier = Modifier.testTag(ChecklistTags.ADD),
                )
            }
        },
    ) {
        LoadableContent(state.data, ChecklistTags, onRetry) { checklist ->
            if (checklist.tasks.isEmpty()) {
                EmptyState("No tasks yet", ChecklistTags.EMPTY, hint = "Add what needs doing before the big day.")
            } else {
                val names = checklist.members.associate { it.userId to it.displayName }
                LazyColumn {
                    items(checklistOrder(checklist.tasks), key = { it.id }) { task ->
                        TaskRow(task, names[task.assigneeId], state.today, state.canEdit, onSetDone,
                            onEdit = { editing = TaskDialogTarget(it) }, onDelete = pendingDelete::ask)
                    }
                }
            }
        }
    }
    val target = editing
    if (target != null && data != null) {
        TaskDialog(
            task = target.task,
            members = data.members,
            onCreate = { editing = null; onAddTask(it) },
            onUpdate = { task, changes -> editing = null; onUpdateTask(task, changes) },
            onDismiss = { editing = null },
        )
    }
    pendingDelete.Host(name = { it.title }, onDelete = onDeleteTask)
}

/** The task dialog's subject: null for a new task. */
private data class TaskDialogTarget(val task: Task?)

/** Open tasks first (dated ones by due date, then undated), done ones last. */
internal fun checklistOrder(tasks: List<Task>): List<Task> =
    tasks.sortedWith(compareBy<Task>({ it.done }, { it.dueOn == null }, { it.dueOn }, { it.title }))

@Composable
internal fun TaskRow(
    task: Task,
    assignee: String?,
    today: LocalDate,
    canEdit: Boolean,
    onSetDone: (Task, Boolean) -> Unit,
    onEdit: (Task) -> Unit,
    onDelete: ((Task) -> Unit)?,
    rowTag: String = ChecklistTags.task(task.id),
) {
    val locale = LocalAppLocale.current
    val overdue = isOverdue(task, today)
    val due = task.dueOn?.let { iso ->
        val day = Formats.parseDay(iso)
        Formats.date(iso, locale) + (day?.takeIf { !task.done }?.let { " (${Formats.relativeDays(it, today)})" } ?: "")
    }
    val line = listOfNotNull(due, assignee).joinToString(" · ")
    ListItem(
        leadingContent = {
            Checkbox(
                checked = task.done,
                onCheckedChange = { onSetDone(task, it) },
                enabled = canEdit,
                modifier = Modifier.testTag(ChecklistTags.taskCheckbox(task.id)),
            )
        },
        headlineContent = {
            Text(task.title, textDecoration = if (task.done) TextDecoration.LineThrough else null,
                color = if (task.done) MaterialTheme.colorScheme.outline else MaterialTheme.colorScheme.onSurface)
        },
        supportingContent = if (line.isEmpty()) null else {
            {
                Text(line, color = if (overdue) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurfaceVariant,
                    modifier = Modifier.testTag(ChecklistTags.taskDue(task.id)))
            }
        },
        trailingContent = if (canEdit && onDelete != null) {
            {
                IconButton(onClick = { onDelete(task) }, modifier = Modifier.testTag(ChecklistTags.delete(task.id))) {
                    Icon(Icons.Filled.Delete, contentDescription = "Delete ${task.title}")
                }
            }
        } else {
            null
        },
        modifier = Modifier.clickable(enabled = canEdit) { onEdit(task) }.testTag(rowTag),
    )
}
