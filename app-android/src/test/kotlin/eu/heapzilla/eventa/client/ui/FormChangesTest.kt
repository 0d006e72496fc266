package eu.heapzilla.eventa.client.ui

import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.testing.SampleWedding
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** Edit forms hand back only the changed wire fields, null for a cleared one. */
class FormChangesTest {

    @Test
    fun briefChangesAreOnlyTheEditedFields() {
        val event = SampleWedding.event
        val form = BriefForm.of(event)
        assertEquals(emptyMap<String, Any?>(), briefChanges(event, form))
        assertEquals(
            mapOf("title" to "Jane & Alex's big day", "location" to null, "planned_budget_cents" to 3_000_050L),
            briefChanges(event, form.copy(title = " Jane & Alex's big day ", location = "  ", plannedBudget = "30000,50")),
        )
    }

    @Test
    fun guestChangesUseWireNamesAndValues() {
        val guest = SampleWedding.guests.first()
        val form = GuestForm.of(guest)
        assertEquals(
            mapOf("rsvp" to "maybe", "plus_one" to true, "meal_choice" to null),
            eu.heapzilla.eventa.client.ui.components.changedFields(
                form.toFields(), form.copy(rsvp = Rsvp.MAYBE, plusOne = true, mealChoice = "").toFields(),
            ),
        )
    }

    @Test
    fun checklistOrdersOpenByDueThenUndatedThenDone() {
        assertEquals(
            listOf("t-save", "t-cake", "t-photo", "t-rings", "t-music", "t-venue"),
            checklistOrder(SampleWedding.tasks.shuffled(java.util.Random(7))).map { it.id },
        )
    }
}
