package eu.heapzilla.eventa.client.ui

import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.conflict.Patcher
import eu.heapzilla.eventa.client.conflict.PatchOutcome
import java.time.Instant
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test

/** [ConflictDialog] shows who changed what, both values per field, and hands the choice back. */
class ConflictDialogTest {

    @get:Rule
    val compose = createComposeRule()

    private val changedAt = Instant.parse("2027-06-01T10:00:00Z")
    private val choices = mutableListOf<String>()

    private fun show() {
        val task = Task("t", "e", 3, "Hire a jazz band", dueOn = "2027-05-01", done = false,
            createdAt = "x", createdBy = "u", updatedAt = "x", updatedBy = "u")
        val conflict = PatchOutcome.Conflict(
            base = task, current = task,
            mine = mapOf("title" to JsonPrimitive("Hire a DJ"), "due_on" to JsonNull),
            theirs = mapOf("title" to JsonPrimitive("Hire a jazz band"), "due_on" to JsonPrimitive("2027-05-01")),
            changedBy = "Gerda", changedAt = changedAt,
            patcher = Patcher(Task.serializer(), Task::version, { error("not sent") }, { error("not fetched") }),
        )
        compose.setContent {
            EventaTheme {
                ConflictDialog(conflict, now = changedAt.plusSeconds(5), onKeepMine = { choices += "mine" }, onKeepTheirs = { choices += "theirs" })
            }
        }
    }

    @Test
    fun showsWhoWhenAndBothValuesPerField() {
        show()
        compose.onNodeWithTag(ConflictTags.DESCRIPTION).assertTextEquals("Gerda changed this 5 s ago")
        compose.onNodeWithTag(ConflictTags.YOURS + "title").assertTextEquals("Yours: Hire a DJ")
        compose.onNodeWithTag(ConflictTags.THEIRS + "title").assertTextEquals("Theirs: Hire a jazz band")
        compose.onNodeWithTag(ConflictTags.YOURS + "due_on").assertTextEquals("Yours: (empty)")
        compose.onNodeWithTag(ConflictTags.THEIRS + "due_on").assertTextEquals("Theirs: 2027-05-01")
        compose.onNodeWithText("Due on").assertExists()
    }

    @Test
    fun keepMineAndKeepTheirsCallBack() {
        show()
        compose.onNodeWithTag(ConflictTags.KEEP_MINE).performClick()
        compose.runOnIdle { assertEquals(listOf("mine"), choices) }
        compose.onNodeWithTag(ConflictTags.KEEP_THEIRS).performClick()
        compose.runOnIdle { assertEquals(listOf("mine", "theirs"), choices) }
    }
}
