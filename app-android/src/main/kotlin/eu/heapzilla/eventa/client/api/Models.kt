package eu.heapzilla.eventa.client.api

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonObject

// The server's JSON, field for field (see the OpenAPI document, /openapi.json). Dates stay ISO
// strings ("2027-06-12", "2027-06-12T10:15:30Z"); screens parse them for display.

@Serializable
data class User(
    val id: String,
    val email: String,
    @SerialName("display_name") val displayName: String,
    @SerialName("created_at") val createdAt: String,
    @SerialName("last_seen_at") val lastSeenAt: String? = null,
)

@Serializable
data class MagicLinkRequest(val email: String)

@Serializable
data class LinkRequested(val status: String, val detail: String)

@Serializable
data class VerifyRequest(val token: String, @SerialName("device_label") val deviceLabel: String? = null)

@Serializable
data class AcceptRequest(@SerialName("device_label") val deviceLabel: String? = null)

@Serializable
data class SignedIn(val bearer: String, val user: User)

@Serializable
data class Joined(val bearer: String, val user: User, val membership: Membership)

@Serializable
data class Membership(@SerialName("event_id") val eventId: String, val title: String, val role: Role)

@Serializable
data class Me(val user: User, val memberships: List<Membership>)

@Serializable
data class ProfilePatch(@SerialName("display_name") val displayName: String)

@Serializable
data class PushTokenRequest(val token: String, val platform: String)

@Serializable
enum class Role {
    @SerialName("owner") OWNER,
    @SerialName("editor") EDITOR,
    @SerialName("viewer") VIEWER,
    ;

    val canEdit: Boolean get() = this != VIEWER
}

@Serializable
data class Event(
    val id: String,
    val version: Long,
    val title: String,
    val date: String? = null,
    val timezone: String,
    val currency: String,
    val location: String? = null,
    val notes: String? = null,
    @SerialName("planned_budget_cents") val plannedBudgetCents: Long? = null,
    @SerialName("created_at") val createdAt: String,
    @SerialName("created_by") val createdBy: String,
    @SerialName("updated_at") val updatedAt: String,
    @SerialName("updated_by") val updatedBy: String,
    val role: Role? = null,
)

@Serializable
data class EventList(val events: List<Event>)

@Serializable
data class EventCreate(
    val title: String,
    val date: String? = null,
    val timezone: String? = null,
    val currency: String? = null,
    val location: String? = null,
    val notes: String? = null,
    @SerialName("planned_budget_cents") val plannedBudgetCents: Long? = null,
)

@Serializable
data class Member(
    @SerialName("user_id") val userId: String,
    @SerialName("display_name") val displayName: String,
    val email: String,
    val role: Role,
    @SerialName("joined_at") val joinedAt: String,
    val version: Long,
)

@Serializable
data class MemberList(val members: List<Member>)

@Serializable
data class RoleChange(val role: Role)

@Serializable
data class InviteRequest(val email: String, val role: Role = Role.EDITOR)

@Serializable
data class Invite(
    val id: String,
    @SerialName("event_id") val eventId: String,
    val email: String,
    val role: Role,
    val status: String,
    @SerialName("invited_by") val invitedBy: String,
    @SerialName("created_at") val createdAt: String,
    @SerialName("expires_at") val expiresAt: String,
    val version: Long,
)

@Serializable
data class InviteList(val invites: List<Invite>)

@Serializable
enum class EntityType {
    @SerialName("event") EVENT,
    @SerialName("member") MEMBER,
    @SerialName("invite") INVITE,
    @SerialName("household") HOUSEHOLD,
    @SerialName("guest") GUEST,
    @SerialName("task") TASK,
    @SerialName("budget_item") BUDGET_ITEM,
    @SerialName("receipt") RECEIPT,
}

@Serializable
enum class ChangeOp {
    @SerialName("created") CREATED,
    @SerialName("updated") UPDATED,
    @SerialName("deleted") DELETED,
}

@Serializable
data class Change(
    @SerialName("event_id") val eventId: String,
    val seq: Long,
    @SerialName("entity_type") val entityType: EntityType,
    @SerialName("entity_id") val entityId: String,
    val op: ChangeOp,
    val version: Long,
    @SerialName("actor_id") val actorId: String,
    val at: String,
)

@Serializable
data class ChangePage(val changes: List<Change>, val cursor: Long, @SerialName("has_more") val hasMore: Boolean)

@Serializable
data class Household(
    val id: String,
    @SerialName("event_id") val eventId: String,
    val version: Long,
    val name: String,
    val address: String? = null,
    val notes: String? = null,
    @SerialName("created_at") val createdAt: String,
    @SerialName("created_by") val createdBy: String,
    @SerialName("updated_at") val updatedAt: String,
    @SerialName("updated_by") val updatedBy: String,
)

@Serializable
data class HouseholdList(val households: List<Household>)

@Serializable
data class HouseholdCreate(val name: String, val address: String? = null, val notes: String? = null)

@Serializable
enum class Rsvp {
    @SerialName("pending") PENDING,
    @SerialName("yes") YES,
    @SerialName("no") NO,
    @SerialName("maybe") MAYBE,
}

@Serializable
data class Guest(
    val id: String,
    @SerialName("event_id") val eventId: String,
    val version: Long,
    @SerialName("household_id") val householdId: String,
    val name: String,
    val email: String? = null,
    val phone: String? = null,
    val rsvp: Rsvp,
    @SerialName("meal_choice") val mealChoice: String? = null,
    @SerialName("dietary_notes") val dietaryNotes: String? = null,
    @SerialName("plus_one") val plusOne: Boolean,
    @SerialName("plus_one_name") val plusOneName: String? = null,
    val child: Boolean,
    val notes: String? = null,
    @SerialName("created_at") val createdAt: String,
    @SerialName("created_by") val createdBy: String,
    @SerialName("updated_at") val updatedAt: String,
    @SerialName("updated_by") val updatedBy: String,
)

@Serializable
data class GuestList(val guests: List<Guest>)

@Serializable
data class GuestCreate(
    @SerialName("household_id") val householdId: String,
    val name: String,
    val email: String? = null,
    val phone: String? = null,
    val rsvp: Rsvp? = null,
    @SerialName("meal_choice") val mealChoice: String? = null,
    @SerialName("dietary_notes") val dietaryNotes: String? = null,
    @SerialName("plus_one") val plusOne: Boolean? = null,
    @SerialName("plus_one_name") val plusOneName: String? = null,
    val child: Boolean? = null,
    val notes: String? = null,
)

@Serializable
data class Task(
    val id: String,
    @SerialName("event_id") val eventId: String,
    val version: Long,
    val title: String,
    val notes: String? = null,
    @SerialName("due_on") val dueOn: String? = null,
    @SerialName("assignee_id") val assigneeId: String? = null,
    val done: Boolean,
    @SerialName("done_at") val doneAt: String? = null,
    @SerialName("done_by") val doneBy: String? = null,
    @SerialName("created_at") val createdAt: String,
    @SerialName("created_by") val createdBy: String,
    @SerialName("updated_at") val updatedAt: String,
    @SerialName("updated_by") val updatedBy: String,
)

@Serializable
data class TaskList(val tasks: List<Task>)

@Serializable
data class TaskCreate(
    val title: String,
    val notes: String? = null,
    @SerialName("due_on") val dueOn: String? = null,
    @SerialName("assignee_id") val assigneeId: String? = null,
)

@Serializable
data class TaskCompletion(val done: Boolean, val version: Long)

@Serializable
data class Timeline(val today: String, val timezone: String, val buckets: TimelineBuckets)

@Serializable
data class TimelineBuckets(
    val overdue: List<Task>,
    @SerialName("this_week") val thisWeek: List<Task>,
    @SerialName("this_month") val thisMonth: List<Task>,
    val later: List<Task>,
    val undated: List<Task>,
    val done: List<Task>,
)

@Serializable
data class Receipt(
    val id: String,
    @SerialName("budget_item_id") val budgetItemId: String,
    @SerialName("file_name") val fileName: String,
    @SerialName("media_type") val mediaType: String,
    @SerialName("size_bytes") val sizeBytes: Long,
    val sha256: String,
    val href: String,
    @SerialName("created_at") val createdAt: String,
    @SerialName("created_by") val createdBy: String,
)

@Serializable
data class ReceiptList(val receipts: List<Receipt>)

@Serializable
data class BudgetItem(
    val id: String,
    @SerialName("event_id") val eventId: String,
    val version: Long,
    val category: String,
    val title: String,
    val vendor: String? = null,
    @SerialName("estimated_cents") val estimatedCents: Long,
    @SerialName("actual_cents") val actualCents: Long? = null,
    @SerialName("paid_cents") val paidCents: Long,
    @SerialName("expected_cents") val expectedCents: Long,
    @SerialName("still_to_pay_cents") val stillToPayCents: Long,
    val currency: String? = null,
    @SerialName("due_on") val dueOn: String? = null,
    val notes: String? = null,
    val receipts: List<Receipt> = emptyList(),
    @SerialName("created_at") val createdAt: String,
    @SerialName("created_by") val createdBy: String,
    @SerialName("updated_at") val updatedAt: String,
    @SerialName("updated_by") val updatedBy: String,
)

@Serializable
data class BudgetItemList(@SerialName("budget_items") val budgetItems: List<BudgetItem>)

@Serializable
data class BudgetItemCreate(
    val category: String,
    val title: String,
    val vendor: String? = null,
    @SerialName("estimated_cents") val estimatedCents: Long? = null,
    @SerialName("actual_cents") val actualCents: Long? = null,
    @SerialName("paid_cents") val paidCents: Long? = null,
    @SerialName("due_on") val dueOn: String? = null,
    val notes: String? = null,
)

@Serializable
data class BudgetTotals(
    val items: Int,
    @SerialName("estimated_cents") val estimatedCents: Long,
    @SerialName("actual_cents") val actualCents: Long,
    @SerialName("paid_cents") val paidCents: Long,
    @SerialName("expected_cents") val expectedCents: Long,
    @SerialName("still_to_pay_cents") val stillToPayCents: Long,
)

@Serializable
data class CategoryTotals(
    val category: String,
    val items: Int,
    @SerialName("estimated_cents") val estimatedCents: Long,
    @SerialName("actual_cents") val actualCents: Long,
    @SerialName("paid_cents") val paidCents: Long,
    @SerialName("expected_cents") val expectedCents: Long,
    @SerialName("still_to_pay_cents") val stillToPayCents: Long,
)

@Serializable
data class BudgetSummary(
    val currency: String,
    @SerialName("planned_cents") val plannedCents: Long? = null,
    @SerialName("remaining_cents") val remainingCents: Long? = null,
    @SerialName("over_budget") val overBudget: Boolean,
    val overall: BudgetTotals,
    val categories: List<CategoryTotals>,
)

/** Every error the server answers: switch on [errorCode], show [detail] to people. */
@Serializable
data class ErrorBody(
    val detail: String,
    @SerialName("error_code") val errorCode: String,
    val info: JsonObject = JsonObject(emptyMap()),
)
