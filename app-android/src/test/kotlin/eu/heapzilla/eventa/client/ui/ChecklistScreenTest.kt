package eu.heapzilla.eventa.client.ui

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.performTextReplacement
import eu.heapzilla.eventa.client.api.TaskCreate
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.testing.SampleWedding
import eu.heapzilla.eventa.client.ui.components.Changes
import eu.heapzilla.eventa.client.ui.components.ConfirmDeleteTags
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test

class ChecklistScreenTest {
    @get:Rule
    val compose = createComposeRule()

    private val calls = mutableListOf<String>()
    private val created = mutableListOf<TaskCreate>()
    private val updated = mutableListOf<Pair<String, Changes>>()

    private fun show() = compose.setContent {
        EventaTheme {
            ChecklistScreen(
                ChecklistState(Loadable.Ready(ChecklistData(SampleWedding.tasks.take(4), SampleWedding.members)), SampleWedding.TODAY),
                onSetDone = { task, done -> calls += "done ${task.id} $done" },
                onAddTask = { created += it },
                onUpdateTask = { task, changes -> updated += task.id to changes },
                onDeleteTask = { calls += "delete ${it.id}" },
                onBack = {}, onRetry = {},
            )
        }
    }

    @Test
    fun checkboxCallsBackWithThatTask() {
        show()
        compose.onNodeWithTag(ChecklistTags.taskCheckbox("t-cake")).performClick()
        compose.onNodeWithTag(ChecklistTags.taskCheckbox("t-venue")).performClick()
        compose.runOnIdle { assertEquals(listOf("done t-cake true", "done t-venue false"), calls) }
    }

    @Test
    fun deleteAsksFirstAndCancelDoesNothing() {
        show()
        compose.onNodeWithTag(ChecklistTags.delete("t-cake")).performClick()
        compose.onNodeWithTag(ConfirmDeleteTags.DIALOG).assertExists()
        compose.onNodeWithTag(ConfirmDeleteTags.CANCEL).performClick()
        compose.onNodeWithTag(ConfirmDeleteTags.DIALOG).assertDoesNotExist()
        compose.runOnIdle { assertEquals(emptyList<String>(), calls) }

        compose.onNodeWithTag(ChecklistTags.delete("t-cake")).performClick()
        compose.onNodeWithTag(ConfirmDeleteTags.CONFIRM).performClick()
        compose.runOnIdle { assertEquals(listOf("delete t-cake"), calls) }
    }

    @Test
    fun addTaskWithAssigneeAndEditSendsOnlyChanges() {
        show()
        compose.onNodeWithTag(ChecklistTags.ADD).performClick()
        compose.onNodeWithTag(ChecklistTags.TITLE).performTextInput("Book the band")
        compose.onNodeWithTag(ChecklistTags.DUE).performTextInput("2027-04-01")
        compose.onNodeWithTag(ChecklistTags.ASSIGNEE).performClick()
        compose.onNodeWithTag(ChecklistTags.assigneeOption(SampleWedding.ALEX)).performClick()
        compose.onNodeWithTag(ChecklistTags.SAVE).performClick()
        compose.runOnIdle {
            assertEquals(listOf(TaskCreate("Book the band", dueOn = "2027-04-01", assigneeId = SampleWedding.ALEX)), created)
        }

        compose.onNodeWithTag(ChecklistTags.task("t-cake")).performClick()
        compose.onNodeWithTag(ChecklistTags.DUE).performTextReplacement("")
        compose.onNodeWithTag(ChecklistTags.ASSIGNEE).performClick()
        compose.onNodeWithTag(ChecklistTags.UNASSIGNED).performClick()
        compose.onNodeWithTag(ChecklistTags.SAVE).performClick()
        compose.runOnIdle { assertEquals(listOf("t-cake" to mapOf("due_on" to null, "assignee_id" to null)), updated) }
    }
}
