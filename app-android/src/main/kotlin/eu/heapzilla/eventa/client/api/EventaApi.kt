package eu.heapzilla.eventa.client.api

import kotlinx.serialization.json.JsonObject
import okhttp3.MultipartBody
import okhttp3.ResponseBody
import retrofit2.http.Body
import retrofit2.http.DELETE
import retrofit2.http.GET
import retrofit2.http.Multipart
import retrofit2.http.PATCH
import retrofit2.http.POST
import retrofit2.http.Part
import retrofit2.http.Path
import retrofit2.http.Query

/**
 * Every route of eventa's HTTP API the app uses (base `…/api/v1/`). A refused request throws
 * [ApiException]; a network failure any other `IOException`.
 *
 * Edits take a [JsonObject] holding `version` and only the fields being changed (an explicit
 * `null` clears a field), which is what the server's PATCH routes take and what the conflict
 * helper ([eu.heapzilla.eventa.client.conflict.Patcher]) re-applies.
 */
interface EventaApi {

    @POST("auth/magic-link")
    suspend fun requestMagicLink(@Body body: MagicLinkRequest): LinkRequested

    @POST("auth/verify")
    suspend fun verify(@Body body: VerifyRequest): SignedIn

    @POST("auth/logout")
    suspend fun logout(): retrofit2.Response<Unit>

    @GET("me")
    suspend fun me(): Me

    @PATCH("me")
    suspend fun editMe(@Body body: ProfilePatch): Me

    @POST("me/push-tokens")
    suspend fun registerPushToken(@Body body: PushTokenRequest): retrofit2.Response<Unit>

    @GET("events")
    suspend fun events(): EventList

    @POST("events")
    suspend fun createEvent(@Body body: EventCreate): Event

    @GET("events/{event}")
    suspend fun event(@Path("event") eventId: String): Event

    @PATCH("events/{event}")
    suspend fun editEvent(@Path("event") eventId: String, @Body patch: JsonObject): Event

    @DELETE("events/{event}")
    suspend fun deleteEvent(@Path("event") eventId: String, @Query("version") version: Long): retrofit2.Response<Unit>

    @GET("events/{event}/members")
    suspend fun members(@Path("event") eventId: String): MemberList

    @PATCH("events/{event}/members/{user}")
    suspend fun changeRole(@Path("event") eventId: String, @Path("user") userId: String, @Body body: RoleChange): Member

    @DELETE("events/{event}/members/{user}")
    suspend fun removeMember(@Path("event") eventId: String, @Path("user") userId: String): retrofit2.Response<Unit>

    @GET("events/{event}/invites")
    suspend fun invites(@Path("event") eventId: String): InviteList

    @POST("events/{event}/invites")
    suspend fun invite(@Path("event") eventId: String, @Body body: InviteRequest): Invite

    @DELETE("events/{event}/invites/{invite}")
    suspend fun revokeInvite(@Path("event") eventId: String, @Path("invite") inviteId: String): retrofit2.Response<Unit>

    @POST("invites/{token}/accept")
    suspend fun acceptInvite(@Path("token") token: String, @Body body: AcceptRequest): Joined

    @GET("events/{event}/changes")
    suspend fun changes(@Path("event") eventId: String, @Query("since") since: Long, @Query("limit") limit: Int = 500): ChangePage

    @GET("events/{event}/households")
    suspend fun households(@Path("event") eventId: String): HouseholdList

    @GET("events/{event}/households/{household}")
    suspend fun household(@Path("event") eventId: String, @Path("household") id: String): Household

    @POST("events/{event}/households")
    suspend fun createHousehold(@Path("event") eventId: String, @Body body: HouseholdCreate): Household

    @PATCH("events/{event}/households/{household}")
    suspend fun editHousehold(@Path("event") eventId: String, @Path("household") id: String, @Body patch: JsonObject): Household

    @DELETE("events/{event}/households/{household}")
    suspend fun deleteHousehold(@Path("event") eventId: String, @Path("household") id: String, @Query("version") version: Long): retrofit2.Response<Unit>

    @GET("events/{event}/guests")
    suspend fun guests(@Path("event") eventId: String): GuestList

    @GET("events/{event}/guests/{guest}")
    suspend fun guest(@Path("event") eventId: String, @Path("guest") id: String): Guest

    @POST("events/{event}/guests")
    suspend fun createGuest(@Path("event") eventId: String, @Body body: GuestCreate): Guest

    @PATCH("events/{event}/guests/{guest}")
    suspend fun editGuest(@Path("event") eventId: String, @Path("guest") id: String, @Body patch: JsonObject): Guest

    @DELETE("events/{event}/guests/{guest}")
    suspend fun deleteGuest(@Path("event") eventId: String, @Path("guest") id: String, @Query("version") version: Long): retrofit2.Response<Unit>

    @GET("events/{event}/tasks")
    suspend fun tasks(@Path("event") eventId: String): TaskList

    @GET("events/{event}/tasks/{task}")
    suspend fun task(@Path("event") eventId: String, @Path("task") id: String): Task

    @POST("events/{event}/tasks")
    suspend fun createTask(@Path("event") eventId: String, @Body body: TaskCreate): Task

    @PATCH("events/{event}/tasks/{task}")
    suspend fun editTask(@Path("event") eventId: String, @Path("task") id: String, @Body patch: JsonObject): Task

    @POST("events/{event}/tasks/{task}/complete")
    suspend fun completeTask(@Path("event") eventId: String, @Path("task") id: String, @Body body: TaskCompletion): Task

    @DELETE("events/{event}/tasks/{task}")
    suspend fun deleteTask(@Path("event") eventId: String, @Path("task") id: String, @Query("version") version: Long): retrofit2.Response<Unit>

    @GET("events/{event}/timeline")
    suspend fun timeline(@Path("event") eventId: String): Timeline

    @GET("events/{event}/budget-items")
    suspend fun budgetItems(@Path("event") eventId: String): BudgetItemList

    @GET("events/{event}/budget-items/{item}")
    suspend fun budgetItem(@Path("event") eventId: String, @Path("item") id: String): BudgetItem

    @POST("events/{event}/budget-items")
    suspend fun createBudgetItem(@Path("event") eventId: String, @Body body: BudgetItemCreate): BudgetItem

    @PATCH("events/{event}/budget-items/{item}")
    suspend fun editBudgetItem(@Path("event") eventId: String, @Path("item") id: String, @Body patch: JsonObject): BudgetItem

    @DELETE("events/{event}/budget-items/{item}")
    suspend fun deleteBudgetItem(@Path("event") eventId: String, @Path("item") id: String, @Query("version") version: Long): retrofit2.Response<Unit>

    @GET("events/{event}/budget/summary")
    suspend fun budgetSummary(@Path("event") eventId: String): BudgetSummary

    @Multipart
    @POST("events/{event}/budget-items/{item}/receipts")
    suspend fun uploadReceipts(@Path("event") eventId: String, @Path("item") itemId: String, @Part files: List<MultipartBody.Part>): ReceiptList

    @GET("events/{event}/receipts/{receipt}")
    suspend fun receipt(@Path("event") eventId: String, @Path("receipt") id: String): ResponseBody
}
