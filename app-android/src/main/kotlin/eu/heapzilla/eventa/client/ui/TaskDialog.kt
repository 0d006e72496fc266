package eu.heapzilla.eventa.client.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.TaskCreate
import eu.heapzilla.eventa.client.ui.components.Changes
import eu.heapzilla.eventa.client.ui.components.ChoiceField
import eu.heapzilla.eventa.client.ui.components.DateField
import eu.heapzilla.eventa.client.ui.components.FormDialog
import eu.heapzilla.eventa.client.ui.components.LabeledField
import eu.heapzilla.eventa.client.ui.components.changedFields
import eu.heapzilla.eventa.client.ui.components.isBlankOrIsoDate
import eu.heapzilla.eventa.client.ui.components.orNullIfBlank

/** The task dialog's fields as typed; [assigneeId] null for nobody. */
internal data class TaskForm(
    val title: String = "",
    val dueOn: String = "",
    val assigneeId: String? = null,
    val notes: String = "",
) {
    val isValid: Boolean get() = title.isNotBlank() && isBlankOrIsoDate(dueOn)

    fun toFields(): Map<String, Any?> = mapOf(
        "title" to title.trim(),
        "due_on" to dueOn.orNullIfBlank(),
        "assignee_id" to assigneeId,
        "notes" to notes.orNullIfBlank(),
    )

    fun toCreate() = TaskCreate(title = title.trim(), dueOn = dueOn.orNullIfBlank(), assigneeId = assigneeId, notes = notes.orNullIfBlank())

    companion object {
        fun of(task: Task) = TaskForm(task.title, task.dueOn.orEmpty(), task.assigneeId, task.notes.orEmpty())
    }
}

/** Adds a task ([task] null → [onCreate]) or edits one ([onUpdate] with only the changed fields). */
@Composable
internal fun TaskDialog(
    task: Task?,
    members: List<Member>,
    onCreate: (TaskCreate) -> Unit,
    onUpdate: (Task, Changes) -> Unit,
    onDismiss: () -> Unit,
) {
    var form by remember(task) { mutableStateOf(task?.let(TaskForm::of) ?: TaskForm()) }
    val nobody: Member? = null
    FormDialog(
        title = if (task == null) "Add task" else "Edit task",
        tag = ChecklistTags.DIALOG,
        saveTag = ChecklistTags.SAVE,
        canSave = form.isValid,
        onSave = {
            if (task == null) onCreate(form.toCreate()) else onUpdate(task, changedFields(TaskForm.of(task).toFields(), form.toFields()))
        },
        onDismiss = onDismiss,
    ) {
        LabeledField("Title", form.title, { form = form.copy(title = it) }, ChecklistTags.TITLE)
        DateField("Due on", form.dueOn, { form = form.copy(dueOn = it) }, ChecklistTags.DUE)
        ChoiceField(
            label = "Assignee",
            selected = members.firstOrNull { it.userId == form.assigneeId },
            options = listOf(nobody) + members,
            optionLabel = { it?.displayName ?: "Nobody" },
            onSelect = { form = form.copy(assigneeId = it?.userId) },
            tag = ChecklistTags.ASSIGNEE,
            optionTag = { it?.let { m -> ChecklistTags.assigneeOption(m.userId) } ?: ChecklistTags.UNASSIGNED },
        )
        LabeledField("Notes", form.notes, { form = form.copy(notes = it) }, ChecklistTags.NOTES, singleLine = false)
    }
}
