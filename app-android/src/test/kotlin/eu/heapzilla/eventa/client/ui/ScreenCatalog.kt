package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.testing.SampleWedding
import eu.heapzilla.eventa.client.ui.components.ConfirmDeleteDialog
import java.util.Locale

/** One picture of a screen: its file name (without `.png`) and what to draw. */
class ScreenShot(val name: String, val content: @Composable () -> Unit)

/** Every screen and key state the screenshot test renders, with [SampleWedding] data, in US English. */
object ScreenCatalog {
    private val w = SampleWedding

    @Composable
    private fun Themed(content: @Composable () -> Unit) {
        CompositionLocalProvider(LocalAppLocale provides Locale.US) { EventaTheme(content) }
    }

    @Composable
    private fun signIn(step: SignInStep) = SignInScreen(step, {}, {}, {}, {})

    @Composable
    private fun events(state: Loadable<List<eu.heapzilla.eventa.client.api.Event>>) = EventListScreen(EventListState(state), {}, {}, {})

    @Composable
    private fun checklist(data: Loadable<ChecklistData>) =
        ChecklistScreen(ChecklistState(data, w.TODAY), { _, _ -> }, {}, { _, _ -> }, {}, {}, {})

    @Composable
    private fun guests() = GuestsScreen(GuestsState(Loadable.Ready(GuestsData(w.households, w.guests))),
        { _, _ -> }, {}, {}, { _, _ -> }, {}, {}, {})

    @Composable
    private fun budget() = BudgetScreen(BudgetState(Loadable.Ready(BudgetData(w.budgetSummary(), w.budgetItems))),
        {}, { _, _ -> }, {}, {}, {}, {})

    val shots: List<ScreenShot> = listOf(
        ScreenShot("signin-email") { signIn(SignInStep.EnterEmail("jane@example.org")) },
        ScreenShot("signin-check-mail") { signIn(SignInStep.CheckMail("jane@example.org")) },
        ScreenShot("signin-verifying") { signIn(SignInStep.Verifying("jane@example.org")) },
        ScreenShot("signin-failed") { signIn(SignInStep.Failed("jane@example.org", "This link was already used or has expired.")) },
        ScreenShot("events") { events(Loadable.Ready(listOf(w.event) + w.otherEvents)) },
        ScreenShot("events-empty") { events(Loadable.Ready(emptyList())) },
        ScreenShot("events-error") { events(Loadable.Failed("Could not reach the server. Check your connection.")) },
        ScreenShot("events-new-dialog") { Box { events(Loadable.Ready(listOf(w.event))); NewEventDialog({}, {}) } },
        ScreenShot("dashboard") {
            DashboardScreen(DashboardState(Loadable.Ready(DashboardData(w.event, w.guests, w.tasks,
                w.budgetSummary(plannedCents = 2_200_000), w.members)), w.TODAY), {}, {}, {})
        },
        ScreenShot("brief") { BriefScreen(BriefState(Loadable.Ready(w.event)), {}, {}, {}) },
        ScreenShot("brief-edit") {
            EventaScaffoldPreview("Brief") { BriefEditor(w.event, {}, {}) }
        },
        ScreenShot("guests") { guests() },
        ScreenShot("guests-loading") {
            GuestsScreen(GuestsState(Loadable.Loading), { _, _ -> }, {}, {}, { _, _ -> }, {}, {}, {})
        },
        ScreenShot("guests-guest-dialog") {
            Box { guests(); GuestDialog(w.guests[1], w.households, {}, { _, _ -> }, {}) }
        },
        ScreenShot("checklist") { checklist(Loadable.Ready(ChecklistData(w.tasks, w.members))) },
        ScreenShot("checklist-offline") { checklist(Loadable.Ready(ChecklistData(w.tasks, w.members), offline = true)) },
        ScreenShot("checklist-task-dialog") {
            Box { checklist(Loadable.Ready(ChecklistData(w.tasks, w.members))); TaskDialog(w.tasks[2], w.members, {}, { _, _ -> }, {}) }
        },
        ScreenShot("checklist-delete-confirm") {
            Box { checklist(Loadable.Ready(ChecklistData(w.tasks, w.members))); ConfirmDeleteDialog("Cake tasting", {}, {}) }
        },
        ScreenShot("timeline") { TimelineScreen(TimelineState(Loadable.Ready(w.timeline), w.members), { _, _ -> }, {}, {}, {}) },
        ScreenShot("timeline-empty") { TimelineScreen(TimelineState(Loadable.Ready(w.emptyTimeline)), { _, _ -> }, {}, {}, {}) },
        ScreenShot("budget") { budget() },
        ScreenShot("budget-item-dialog") { Box { budget(); BudgetItemDialog(w.budgetItems[1], {}, { _, _ -> }, {}) } },
        ScreenShot("members") {
            MembersScreen(MembersState(Loadable.Ready(MembersData(w.members, w.invites)), SampleWedding.JANE, Role.OWNER),
                { _, _ -> }, {}, {}, {}, {}, {})
        },
    ).map { shot -> ScreenShot(shot.name) { Themed(shot.content) } }
}
