package eu.heapzilla.eventa.client.conflict

import eu.heapzilla.eventa.client.api.Household
import java.time.Duration
import java.time.Instant
import kotlinx.serialization.json.JsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** [PatchOutcome.Conflict.describe]: who, and how long ago in the largest whole unit. */
class ConflictDescriptionTest {

    private val changedAt = Instant.parse("2027-06-01T10:00:00Z")

    private fun conflict(changedBy: String?): PatchOutcome.Conflict<Household> {
        val household = Household("h", "e", 2, "The Smiths", createdAt = "x", createdBy = "u", updatedAt = "x", updatedBy = "u")
        val unused = Patcher(Household.serializer(), Household::version, { error("not sent") }, { error("not fetched") })
        return PatchOutcome.Conflict(household, household, mapOf("name" to JsonPrimitive("Smith")), mapOf("name" to JsonPrimitive("The Smiths")),
            changedBy, changedAt, unused)
    }

    private fun describedAfter(elapsed: Duration) = conflict("Gerda").describe(changedAt + elapsed)

    @Test
    fun countsSecondsMinutesHoursAndDays() {
        assertEquals("Gerda changed this 0 s ago", describedAfter(Duration.ZERO))
        assertEquals("Gerda changed this 5 s ago", describedAfter(Duration.ofMillis(5_900)))
        assertEquals("Gerda changed this 59 s ago", describedAfter(Duration.ofSeconds(59)))
        assertEquals("Gerda changed this 1 min ago", describedAfter(Duration.ofSeconds(60)))
        assertEquals("Gerda changed this 59 min ago", describedAfter(Duration.ofMinutes(60).minusSeconds(1)))
        assertEquals("Gerda changed this 1 h ago", describedAfter(Duration.ofHours(1)))
        assertEquals("Gerda changed this 23 h ago", describedAfter(Duration.ofDays(1).minusSeconds(1)))
        assertEquals("Gerda changed this 1 day ago", describedAfter(Duration.ofDays(1)))
        assertEquals("Gerda changed this 3 days ago", describedAfter(Duration.ofDays(3).plusHours(20)))
    }

    @Test
    fun aClockBehindTheServersSaysZeroSeconds() {
        assertEquals("Gerda changed this 0 s ago", describedAfter(Duration.ofSeconds(-30)))
    }

    @Test
    fun anUnnamedPersonIsSomeone() {
        assertEquals("Someone changed this 2 min ago", conflict(null).describe(changedAt.plusSeconds(150)))
    }
}
