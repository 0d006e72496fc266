package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Snackbar
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.app.AppModel
import eu.heapzilla.eventa.client.app.EventModel
import eu.heapzilla.eventa.client.app.PickedFile
import eu.heapzilla.eventa.client.app.Screen
import eu.heapzilla.eventa.client.session.BearerVault
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.store.Store
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import kotlinx.coroutines.launch

/** Tags of what [EventaApp] draws around the screens. */
object AppTags {
    const val NOTICE = "app.notice"
    const val NOTICE_DISMISS = "app.notice.dismiss"
}

/**
 * The whole app for the Android shell: builds an [AppModel] for [serverUrl] over the platform's
 * [vault] and [store], follows the live connection while shown, and hands a link's token to it.
 */
@Composable
fun EventaApp(
    serverUrl: String,
    vault: BearerVault,
    store: Store,
    verifyToken: String?,
    inviteToken: String?,
    onDeepLinkHandled: () -> Unit,
    pickFile: (suspend () -> PickedFile?)? = null,
    onReady: (AppModel) -> Unit = {},
) {
    val scope = rememberCoroutineScope()
    val model = remember(serverUrl) { AppModel(serverUrl, vault, store, scope, deviceLabel = "eventa for Android") }
    DisposableEffect(model) {
        onReady(model)
        model.start()
        onDispose { model.stop() }
    }
    LaunchedEffect(verifyToken, inviteToken) {
        verifyToken?.let { model.verify(it) }
        inviteToken?.let { model.acceptInvite(it) }
        if (verifyToken != null || inviteToken != null) onDeepLinkHandled()
    }
    EventaApp(model, pickFile)
}

/** Draws [model]'s current screen, its notices and its open conflict. */
@Composable
fun EventaApp(model: AppModel, pickFile: (suspend () -> PickedFile?)? = null) {
    val screen by model.screen.collectAsState()
    val notice by model.notice.collectAsState()
    val open by model.openEvent.collectAsState()
    EventaTheme {
        Box(Modifier.fillMaxSize()) {
            when (val shown = screen) {
                Screen.SignIn -> {
                    val step by model.signInStep.collectAsState()
                    SignInScreen(step, model::requestLink, model::verify, model::startOver, model::startOver)
                }
                Screen.Events -> {
                    val events by model.events.events.collectAsState()
                    EventListScreen(EventListState(events), { model.open(it.id) }, model::createEvent, model::retryEvents)
                }
                is Screen.Dashboard -> open?.let { Dashboard(it, model) }
                is Screen.Section -> open?.let { Section(it, shown.destination, model, pickFile) }
            }
            open?.let { event ->
                val conflict by event.conflict.collectAsState()
                conflict?.let { ConflictDialog(it, Instant.now(), event::keepMine, event::keepTheirs) }
            }
            notice?.let { text ->
                Snackbar(
                    modifier = Modifier.align(Alignment.BottomCenter).padding(16.dp).testTag(AppTags.NOTICE),
                    action = {
                        TextButton(onClick = model::dismissNotice, modifier = Modifier.testTag(AppTags.NOTICE_DISMISS)) { Text("OK") }
                    },
                ) { Text(text) }
            }
        }
    }
}

@Composable
private fun Dashboard(event: EventModel, model: AppModel) {
    val repo = event.repository
    val brief by repo.event.collectAsState()
    val guests by repo.guests.collectAsState()
    val tasks by repo.tasks.collectAsState()
    val summary by repo.budgetSummary.collectAsState()
    val members by repo.members.collectAsState()
    val data = when (val e = brief) {
        is Loadable.Ready -> Loadable.Ready(
            DashboardData(e.value, guests.valueOrNull().orEmpty(), tasks.valueOrNull().orEmpty(), summary.valueOrNull(),
                members.valueOrNull().orEmpty()),
            offline = e.offline,
        )
        is Loadable.Failed -> e
        Loadable.Loading -> Loadable.Loading
    }
    DashboardScreen(DashboardState(data, today(brief)), model::navigate, model::back, event::retry)
}

@Composable
private fun Section(event: EventModel, destination: Destination, model: AppModel, pickFile: (suspend () -> PickedFile?)?) {
    val repo = event.repository
    val brief by repo.event.collectAsState()
    val canEdit = brief.valueOrNull()?.role?.canEdit ?: false
    when (destination) {
        Destination.BRIEF -> BriefScreen(BriefState(brief, canEdit), event::saveBrief, model::back, event::retry)
        Destination.GUESTS -> {
            val households by repo.households.collectAsState()
            val guests by repo.guests.collectAsState()
            GuestsScreen(
                GuestsState(both(households, guests, ::GuestsData), canEdit),
                event::setRsvp, event::addHousehold, event::addGuest, event::updateGuest, event::deleteGuest, model::back, event::retry,
            )
        }
        Destination.CHECKLIST -> {
            val tasks by repo.tasks.collectAsState()
            val members by repo.members.collectAsState()
            ChecklistScreen(
                ChecklistState(both(tasks, members, ::ChecklistData), today(brief), canEdit),
                event::setDone, event::addTask, event::updateTask, event::deleteTask, model::back, event::retry,
            )
        }
        Destination.TIMELINE -> {
            val timeline by repo.timeline.collectAsState()
            val members by repo.members.collectAsState()
            TimelineScreen(
                TimelineState(timeline, members.valueOrNull().orEmpty(), canEdit),
                event::setDone, { model.navigate(Destination.CHECKLIST) }, model::back, event::retry,
            )
        }
        Destination.BUDGET -> {
            val summary by repo.budgetSummary.collectAsState()
            val items by repo.budgetItems.collectAsState()
            val scope = rememberCoroutineScope()
            BudgetScreen(
                BudgetState(both(summary, items, ::BudgetData), canEdit),
                event::addBudgetItem, event::updateBudgetItem, event::deleteBudgetItem,
                { item -> pickFile?.let { pick -> scope.launch { pick()?.let { event.attachReceipt(item, it) } } } },
                model::back, event::retry,
            )
        }
        Destination.MEMBERS -> {
            val members by repo.members.collectAsState()
            val invites by repo.invites.collectAsState()
            val me = event.myUserId.orEmpty()
            val myRole = brief.valueOrNull()?.role ?: eu.heapzilla.eventa.client.api.Role.VIEWER
            MembersScreen(
                MembersState(both(members, invites, ::MembersData), me, myRole),
                event::changeRole, event::removeMember, event::revokeInvite, event::invite, model::back, event::retry,
            )
        }
    }
}

/** Two loads as one: ready when both are (offline when either is), else the first failure or loading. */
private fun <A, B, R> both(a: Loadable<A>, b: Loadable<B>, combine: (A, B) -> R): Loadable<R> = when {
    a is Loadable.Ready && b is Loadable.Ready -> Loadable.Ready(combine(a.value, b.value), a.offline || b.offline)
    a is Loadable.Failed -> a
    b is Loadable.Failed -> b
    else -> Loadable.Loading
}

/** Today in the event's time zone (what "overdue" and "days to go" mean to its people). */
private fun today(event: Loadable<eu.heapzilla.eventa.client.api.Event>): LocalDate {
    val zone = event.valueOrNull()?.timezone?.let { runCatching { ZoneId.of(it) }.getOrNull() } ?: ZoneId.systemDefault()
    return LocalDate.now(zone)
}
