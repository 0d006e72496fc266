package eu.heapzilla.eventa.client.ui

import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextInput
import eu.heapzilla.eventa.client.api.GuestCreate
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.testing.SampleWedding
import eu.heapzilla.eventa.client.ui.components.ConfirmDeleteTags
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test

class GuestsScreenTest {
    @get:Rule
    val compose = createComposeRule()

    private val calls = mutableListOf<String>()
    private val created = mutableListOf<GuestCreate>()

    private fun show() = compose.setContent {
        EventaTheme {
            GuestsScreen(
                GuestsState(Loadable.Ready(GuestsData(SampleWedding.households.take(2), SampleWedding.guests.take(4)))),
                onRsvp = { guest, rsvp -> calls += "rsvp ${guest.id} $rsvp" },
                onAddHousehold = { calls += "household $it" },
                onAddGuest = { created += it },
                onUpdateGuest = { guest, changes -> calls += "update ${guest.id} $changes" },
                onDeleteGuest = { calls += "delete ${it.id}" },
                onBack = {}, onRetry = {},
            )
        }
    }

    @Test
    fun headerCountsAnswers() {
        show()
        compose.onNodeWithTag(GuestsTags.COUNTS).assertTextContains("4 guests · 3 yes · 0 no · 1 maybe · 0 pending")
    }

    @Test
    fun rsvpChipOpensAMenuThatCallsBack() {
        show()
        compose.onNodeWithTag(GuestsTags.rsvpChip("g-lena")).performClick()
        compose.onNodeWithTag(GuestsTags.rsvpOption("g-lena", Rsvp.NO)).performClick()
        compose.runOnIdle { assertEquals(listOf("rsvp g-lena NO"), calls) }
    }

    @Test
    fun addHouseholdAndGuest() {
        show()
        compose.onNodeWithTag(GuestsTags.ADD_HOUSEHOLD).performClick()
        compose.onNodeWithTag(GuestsTags.HOUSEHOLD_NAME).performTextInput("The Smiths")
        compose.onNodeWithTag(GuestsTags.HOUSEHOLD_SAVE).performClick()

        compose.onNodeWithTag(GuestsTags.ADD_GUEST).performClick()
        compose.onNodeWithTag(GuestsTags.GUEST_NAME).performTextInput("Ole Larsen")
        compose.onNodeWithTag(GuestsTags.GUEST_HOUSEHOLD).performClick()
        compose.onNodeWithTag(GuestsTags.householdOption("h-doe")).performClick()
        compose.onNodeWithTag(GuestsTags.GUEST_RSVP).performClick()
        compose.onNodeWithTag(GuestsTags.rsvpChoice(Rsvp.YES)).performClick()
        compose.onNodeWithTag(GuestsTags.GUEST_CHILD).performClick()
        compose.onNodeWithTag(GuestsTags.GUEST_SAVE).performClick()
        compose.runOnIdle {
            assertEquals(listOf("household The Smiths"), calls)
            assertEquals(listOf(GuestCreate("h-doe", "Ole Larsen", rsvp = Rsvp.YES, plusOne = false, child = true)), created)
        }
    }

    @Test
    fun editSendsOnlyChangedFieldsAndDeleteConfirms() {
        show()
        compose.onNodeWithTag(GuestsTags.guest("g-hans")).performClick()
        compose.onNodeWithTag(GuestsTags.GUEST_PLUS_ONE).performClick()
        compose.onNodeWithTag(GuestsTags.GUEST_SAVE).performClick()
        compose.onNodeWithTag(GuestsTags.delete("g-john")).performClick()
        compose.onNodeWithTag(ConfirmDeleteTags.CANCEL).performClick()
        compose.onNodeWithTag(GuestsTags.delete("g-john")).performClick()
        compose.onNodeWithTag(ConfirmDeleteTags.CONFIRM).performClick()
        compose.runOnIdle { assertEquals(listOf("update g-hans {plus_one=true}", "delete g-john"), calls) }
    }
}
