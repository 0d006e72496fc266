package eu.heapzilla.eventa.client.ui

import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.performTextReplacement
import eu.heapzilla.eventa.client.api.InviteRequest
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.testing.SampleWedding
import eu.heapzilla.eventa.client.ui.components.ConfirmDeleteTags
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test
import java.util.Locale

/** Dashboard, brief, timeline, budget and members: their callbacks and states. */
class OtherScreensTest {
    @get:Rule
    val compose = createComposeRule()

    private val calls = mutableListOf<String>()
    private val w = SampleWedding

    private fun us(content: @androidx.compose.runtime.Composable () -> Unit) = compose.setContent {
        androidx.compose.runtime.CompositionLocalProvider(LocalAppLocale provides Locale.US) { EventaTheme(content) }
    }

    @Test
    fun dashboardShowsDaysToGoOverBudgetAndNavigates() {
        us {
            DashboardScreen(DashboardState(Loadable.Ready(DashboardData(w.event, w.guests, w.tasks,
                w.budgetSummary(plannedCents = 2_200_000), w.members)), w.TODAY), { calls += "$it" }, {}, {})
        }
        compose.onNodeWithTag(DashboardTags.DAYS_TO_GO, useUnmergedTree = true).assertTextContains("103 days to go")
        compose.onNodeWithTag(DashboardTags.OVER_BUDGET, useUnmergedTree = true).assertTextContains("Over budget by €3,400.00")
        compose.onNodeWithTag(DashboardTags.CHECKLIST_CARD).performClick()
        compose.onNodeWithTag(DashboardTags.open(Destination.BRIEF)).performScrollTo().performClick()
        compose.runOnIdle { assertEquals(listOf("CHECKLIST", "BRIEF"), calls) }
    }

    @Test
    fun briefEditSavesOnlyChangedFields() {
        val saved = mutableListOf<Map<String, Any?>>()
        us { BriefScreen(BriefState(Loadable.Ready(w.event)), { saved += it }, {}, {}) }
        compose.onNodeWithTag(BriefTags.value("planned_budget_cents")).assertTextContains("€25,000.00")
        compose.onNodeWithTag(BriefTags.EDIT).performClick()
        compose.onNodeWithTag(BriefTags.LOCATION).performTextReplacement("Munich")
        compose.onNodeWithTag(BriefTags.PLANNED_BUDGET).performTextReplacement("")
        compose.onNodeWithTag(BriefTags.SAVE).performClick()
        compose.runOnIdle { assertEquals(listOf(mapOf("location" to "Munich", "planned_budget_cents" to null)), saved) }
        compose.onNodeWithTag(BriefTags.EDIT).assertExists()
    }

    @Test
    fun timelineHidesEmptyBucketsOrSaysNothingPlanned() {
        var timeline = w.timeline.copy(buckets = w.timeline.buckets.copy(thisMonth = emptyList()))
        val state = androidx.compose.runtime.mutableStateOf(TimelineState(Loadable.Ready(timeline), w.members))
        us { TimelineScreen(state.value, { t, done -> calls += "${t.id} $done" }, {}, {}, {}) }
        compose.onNodeWithTag(TimelineTags.bucket("overdue")).assertTextContains("1")
        compose.onNodeWithTag(TimelineTags.bucket("this_month")).assertDoesNotExist()
        compose.onNodeWithTag(ChecklistTags.taskCheckbox("t-save")).performClick()
        compose.runOnIdle { assertEquals(listOf("t-save true"), calls) }
        timeline = w.emptyTimeline
        state.value = TimelineState(Loadable.Ready(timeline))
        compose.onNodeWithText("Nothing planned yet").assertExists()
        compose.onNodeWithTag(TimelineTags.EMPTY).assertExists()
    }

    @Test
    fun budgetAttachesReceiptsAndDeletesAfterConfirmation() {
        us {
            BudgetScreen(BudgetState(Loadable.Ready(BudgetData(w.budgetSummary(), w.budgetItems.take(2)))),
                {}, { i, c -> calls += "update ${i.id} $c" }, { calls += "delete ${it.id}" }, { calls += "attach ${it.id}" }, {}, {})
        }
        compose.onNodeWithTag(BudgetTags.attachReceipt("b-catering")).performClick()
        compose.onNodeWithTag(BudgetTags.delete("b-venue")).performClick()
        compose.onNodeWithText("Delete 'Schloss Elmau hall'?").assertExists()
        compose.onNodeWithTag(ConfirmDeleteTags.CANCEL).performClick()
        compose.onNodeWithTag(BudgetTags.item("b-catering")).performClick()
        compose.onNodeWithTag(BudgetTags.PAID).performTextReplacement("3000")
        compose.onNodeWithTag(BudgetTags.SAVE).performClick()
        compose.runOnIdle { assertEquals(listOf("attach b-catering", "update b-catering {paid_cents=300000}"), calls) }
    }

    @Test
    fun ownerChangesRolesRevokesAndInvites() {
        val invites = mutableListOf<InviteRequest>()
        us {
            MembersScreen(MembersState(Loadable.Ready(MembersData(w.members, w.invites)), w.JANE, Role.OWNER),
                { m, r -> calls += "role ${m.userId} $r" }, { calls += "remove ${it.userId}" }, { calls += "revoke ${it.id}" },
                { invites += it }, {}, {})
        }
        compose.onNodeWithTag(MembersTags.remove(w.JANE)).assertDoesNotExist()
        compose.onNodeWithTag(MembersTags.role(w.ALEX)).performClick()
        compose.onNodeWithTag(MembersTags.roleOption(w.ALEX, Role.VIEWER)).performClick()
        compose.onNodeWithTag(MembersTags.LIST).performScrollToNode(hasTestTag(MembersTags.revoke("i-1")))
        compose.onNodeWithTag(MembersTags.revoke("i-1")).performClick()
        compose.onNodeWithTag(ConfirmDeleteTags.CONFIRM).performClick()
        compose.onNodeWithTag(MembersTags.LIST).performScrollToNode(hasTestTag(MembersTags.INVITE_SEND))
        compose.onNodeWithTag(MembersTags.INVITE_EMAIL).performTextInput("aunt@example.org")
        compose.onNodeWithTag(MembersTags.INVITE_SEND).performClick()
        compose.runOnIdle {
            assertEquals(listOf("role u-alex VIEWER", "revoke i-1"), calls)
            assertEquals(listOf(InviteRequest("aunt@example.org", Role.EDITOR)), invites)
        }
    }

    @Test
    fun nonOwnersCannotManageMembers() {
        us {
            MembersScreen(MembersState(Loadable.Ready(MembersData(w.members, w.invites)), w.ALEX, Role.EDITOR),
                { _, _ -> }, {}, {}, {}, {}, {})
        }
        compose.onNodeWithTag(MembersTags.remove(w.PRIYA)).assertDoesNotExist()
        compose.onNodeWithTag(MembersTags.revoke("i-1")).assertDoesNotExist()
        compose.onNodeWithTag(MembersTags.INVITE_EMAIL).assertDoesNotExist()
    }
}
