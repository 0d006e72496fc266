package eu.heapzilla.eventa.client.ui

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.testing.SampleWedding
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test

/** Loading, error (with Retry), empty and offline, through the event list (every screen shares LoadableContent). */
class LoadableStatesTest {
    @get:Rule
    val compose = createComposeRule()

    private var events by mutableStateOf<Loadable<List<Event>>>(Loadable.Loading)
    private var retries = 0

    @Test
    fun eachStateRendersItsTag() {
        compose.setContent { EventaTheme { EventListScreen(EventListState(events), {}, {}, onRetry = { retries++ }) } }
        compose.onNodeWithTag(EventListTags.LOADING).assertExists()

        events = Loadable.Failed("Could not reach the server.")
        compose.onNodeWithTag(EventListTags.ERROR).assertExists()
        compose.onNodeWithText("Could not reach the server.").assertExists()
        compose.onNodeWithTag(EventListTags.RETRY).performClick()
        compose.runOnIdle { assertEquals(1, retries) }

        events = Loadable.Ready(emptyList())
        compose.onNodeWithTag(EventListTags.EMPTY).assertExists()
        compose.onNodeWithText("No events yet").assertExists()
        compose.onNodeWithTag(EventListTags.OFFLINE).assertDoesNotExist()

        events = Loadable.Ready(listOf(SampleWedding.event), offline = true)
        compose.onNodeWithTag(EventListTags.OFFLINE).assertExists()
        compose.onNodeWithTag(EventListTags.event(SampleWedding.event.id)).assertExists()
        compose.onNodeWithTag(EventListTags.LOADING).assertDoesNotExist()
    }
}
