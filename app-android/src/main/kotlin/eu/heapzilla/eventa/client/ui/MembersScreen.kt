package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material3.Button
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.ListItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.api.Invite
import eu.heapzilla.eventa.client.api.InviteRequest
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.signin.looksLikeEmail
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.ui.components.ChoiceField
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.LabeledField
import eu.heapzilla.eventa.client.ui.components.LoadableContent
import eu.heapzilla.eventa.client.ui.components.ScreenTags
import eu.heapzilla.eventa.client.ui.components.SectionHeader
import eu.heapzilla.eventa.client.ui.components.rememberPendingDelete

/** The event's members and its pending invites. */
data class MembersData(val members: List<Member>, val invites: List<Invite>)

/** What [MembersScreen] shows; [myUserId] and [myRole] decide what the person may change (owners manage). */
data class MembersState(val data: Loadable<MembersData>, val myUserId: String, val myRole: Role)

/** Test tags of [MembersScreen]. */
object MembersTags : ScreenTags("members") {
    const val LIST = "members.list"
    const val INVITE_EMAIL = "members.invite.email"
    const val INVITE_ROLE = "members.invite.role"
    const val INVITE_SEND = "members.invite.send"
    fun member(userId: String) = "members.member.$userId"
    fun role(userId: String) = "members.member.$userId.role"
    fun roleOption(userId: String, role: Role) = "members.member.$userId.role.${role.name.lowercase()}"
    fun remove(userId: String) = "members.member.$userId.remove"
    fun invite(id: String) = "members.invite.$id"
    fun revoke(id: String) = "members.invite.$id.revoke"
    fun inviteRoleOption(role: Role) = "members.invite.role.${role.name.lowercase()}"
}

/**
 * Who plans the event. An owner changes others' roles ([onChangeRole]), removes them and revokes pending
 * invites (both after confirmation), and sends invites ([onInvite]); editors and viewers only see.
 */
@Composable
fun MembersScreen(
    state: MembersState,
    onChangeRole: (Member, Role) -> Unit,
    onRemove: (Member) -> Unit,
    onRevokeInvite: (Invite) -> Unit,
    onInvite: (InviteRequest) -> Unit,
    onBack: () -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val removing = rememberPendingDelete<Member>()
    val revoking = rememberPendingDelete<Invite>()
    val isOwner = state.myRole == Role.OWNER
    EventaScaffold(title = "Members", tags = MembersTags, onBack = onBack, modifier = modifier) {
        LoadableContent(state.data, MembersTags, onRetry) { data ->
            val locale = LocalAppLocale.current
            LazyColumn(Modifier.testTag(MembersTags.LIST)) {
                item { SectionHeader("Members", count = data.members.size) }
                items(data.members, key = { it.userId }) { member ->
                    val manageable = isOwner && member.userId != state.myUserId
                    ListItem(
                        headlineContent = { Text(if (member.userId == state.myUserId) "${member.displayName} (you)" else member.displayName) },
                        supportingContent = { Text(member.email) },
                        trailingContent = {
                            if (manageable) {
                                Row(verticalAlignment = Alignment.CenterVertically) {
                                    ChoiceField(
                                        label = "Role", selected = member.role, options = Role.entries, optionLabel = ::roleLabel,
                                        onSelect = { if (it != member.role) onChangeRole(member, it) },
                                        tag = MembersTags.role(member.userId),
                                        optionTag = { MembersTags.roleOption(member.userId, it) },
                                        fillWidth = false,
                                    )
                                    IconButton(onClick = { removing.ask(member) }, modifier = Modifier.testTag(MembersTags.remove(member.userId))) {
                                        Icon(Icons.Filled.Delete, contentDescription = "Remove ${member.displayName}")
                                    }
                                }
                            } else {
                                Text(roleLabel(member.role), modifier = Modifier.testTag(MembersTags.role(member.userId)))
                            }
                        },
                        modifier = Modifier.testTag(MembersTags.member(member.userId)),
                    )
                }
                if (data.invites.isNotEmpty()) {
                    item { SectionHeader("Pending invites", count = data.invites.size) }
                    items(data.invites, key = { it.id }) { invite ->
                        ListItem(
                            headlineContent = { Text(invite.email) },
                            supportingContent = { Text("${roleLabel(invite.role)} · expires ${Formats.date(invite.expiresAt, locale)}") },
                            trailingContent = if (isOwner) {
                                {
                                    IconButton(onClick = { revoking.ask(invite) }, modifier = Modifier.testTag(MembersTags.revoke(invite.id))) {
                                        Icon(Icons.Filled.Delete, contentDescription = "Revoke the invite for ${invite.email}")
                                    }
                                }
                            } else {
                                null
                            },
                            modifier = Modifier.testTag(MembersTags.invite(invite.id)),
                        )
                    }
                }
                if (isOwner) item { InviteForm(onInvite) }
            }
        }
    }
    removing.Host(name = { it.displayName }, onDelete = onRemove)
    revoking.Host(name = { "invite for ${it.email}" }, onDelete = onRevokeInvite)
}

@Composable
private fun InviteForm(onInvite: (InviteRequest) -> Unit) {
    var email by remember { mutableStateOf("") }
    var role by remember { mutableStateOf(Role.EDITOR) }
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionHeader("Invite someone", Modifier.padding(0.dp))
        LabeledField("Email", email, { email = it }, MembersTags.INVITE_EMAIL)
        ChoiceField(
            label = "Role", selected = role, options = listOf(Role.EDITOR, Role.VIEWER, Role.OWNER), optionLabel = ::roleLabel,
            onSelect = { role = it }, tag = MembersTags.INVITE_ROLE, optionTag = MembersTags::inviteRoleOption,
        )
        Button(
            onClick = {
                onInvite(InviteRequest(email.trim(), role))
                email = ""
            },
            enabled = looksLikeEmail(email),
            modifier = Modifier.testTag(MembersTags.INVITE_SEND),
        ) { Text("Send invite") }
    }
}
