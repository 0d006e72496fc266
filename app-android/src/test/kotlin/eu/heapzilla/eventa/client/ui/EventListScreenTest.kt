package eu.heapzilla.eventa.client.ui

import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.performTextReplacement
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.testing.SampleWedding
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test
import java.util.Locale

class EventListScreenTest {
    @get:Rule
    val compose = createComposeRule()

    private val opened = mutableListOf<Event>()
    private val created = mutableListOf<EventCreate>()

    private fun show() = compose.setContent {
        androidx.compose.runtime.CompositionLocalProvider(LocalAppLocale provides Locale.US) {
            EventaTheme {
                EventListScreen(EventListState(Loadable.Ready(listOf(SampleWedding.event) + SampleWedding.otherEvents)),
                    onOpen = { opened += it }, onCreate = { created += it }, onRetry = {})
            }
        }
    }

    @Test
    fun listsEventsWithDateAndRoleAndOpensOne() {
        show()
        compose.onNodeWithText("Jun 12, 2027").assertExists()
        compose.onNodeWithText("Viewer").assertExists()
        compose.onNodeWithText("No date yet").assertExists()
        compose.onNodeWithTag(EventListTags.event("e-party")).performClick()
        compose.runOnIdle { assertEquals(listOf("e-party"), opened.map { it.id }) }
    }

    @Test
    fun newEventDialogCreatesWithTitleDateAndCurrency() {
        show()
        compose.onNodeWithTag(EventListTags.NEW_EVENT).performClick()
        val create = compose.onNodeWithTag(EventListTags.CREATE)
        create.assertIsNotEnabled()
        compose.onNodeWithTag(EventListTags.TITLE).performTextInput("Summer party")
        compose.onNodeWithTag(EventListTags.DATE).performTextInput("2027-13-01")
        create.assertIsNotEnabled()
        compose.onNodeWithTag(EventListTags.DATE).performTextReplacement("2027-08-01")
        compose.onNodeWithTag(EventListTags.CURRENCY).performTextReplacement("chf")
        create.assertIsEnabled().performClick()
        compose.runOnIdle { assertEquals(listOf(EventCreate(title = "Summer party", date = "2027-08-01", currency = "CHF")), created) }
        compose.onNodeWithTag(EventListTags.DIALOG).assertDoesNotExist()
    }
}
