package eu.heapzilla.eventa.client.testing

import eu.heapzilla.eventa.client.api.BudgetItem
import eu.heapzilla.eventa.client.api.BudgetSummary
import eu.heapzilla.eventa.client.api.BudgetTotals
import eu.heapzilla.eventa.client.api.CategoryTotals
import eu.heapzilla.eventa.client.api.Event
import eu.heapzilla.eventa.client.api.Guest
import eu.heapzilla.eventa.client.api.Household
import eu.heapzilla.eventa.client.api.Invite
import eu.heapzilla.eventa.client.api.Member
import eu.heapzilla.eventa.client.api.Receipt
import eu.heapzilla.eventa.client.api.Role
import eu.heapzilla.eventa.client.api.Rsvp
import eu.heapzilla.eventa.client.api.Task
import eu.heapzilla.eventa.client.api.Timeline
import eu.heapzilla.eventa.client.api.TimelineBuckets
import java.time.LocalDate

/** A realistic wedding for screen tests and screenshots; every date is relative to [TODAY]. */
object SampleWedding {
    val TODAY: LocalDate = LocalDate.of(2027, 3, 1)
    private const val EVENT = "e-wedding"
    private const val STAMP = "2027-01-10T09:00:00Z"
    const val JANE = "u-jane"
    const val ALEX = "u-alex"
    const val PRIYA = "u-priya"

    private fun day(offset: Long) = TODAY.plusDays(offset).toString()

    val event = Event(
        id = EVENT, version = 7, title = "Jane & Alex's wedding", date = day(103), timezone = "Europe/Berlin",
        currency = "EUR", location = "Schloss Elmau, Bavaria", notes = "Ceremony at 2 pm, dinner at 7 pm. Dress code: summer formal.",
        plannedBudgetCents = 2_500_000, createdAt = STAMP, createdBy = JANE, updatedAt = STAMP, updatedBy = JANE, role = Role.OWNER,
    )

    val otherEvents = listOf(
        event.copy(id = "e-party", title = "Grandma Rosa's 90th", date = day(40), role = Role.EDITOR),
        event.copy(id = "e-reunion", title = "Class of 2007 reunion", date = null, role = Role.VIEWER),
    )

    val members = listOf(
        Member(JANE, "Jane Doe", "jane@example.org", Role.OWNER, STAMP, 1),
        Member(ALEX, "Alex Müller", "alex@example.org", Role.EDITOR, STAMP, 1),
        Member(PRIYA, "Priya (planner)", "priya@planners.example", Role.VIEWER, STAMP, 2),
    )

    val invites = listOf(
        Invite("i-1", EVENT, "best.man@example.org", Role.EDITOR, "pending", JANE, STAMP, "2027-03-08T09:00:00Z", 1),
    )

    private fun household(id: String, name: String) =
        Household(id, EVENT, 1, name, createdAt = STAMP, createdBy = JANE, updatedAt = STAMP, updatedBy = JANE)

    val households = listOf(
        household("h-muller", "The Müllers"),
        household("h-doe", "The Does"),
        household("h-friends", "Friends from university"),
    )

    private fun guest(id: String, household: String, name: String, rsvp: Rsvp, meal: String? = null,
                      dietary: String? = null, plusOne: Boolean = false, child: Boolean = false) =
        Guest(id, EVENT, 1, household, name, email = "${id.removePrefix("g-")}@example.org", rsvp = rsvp, mealChoice = meal,
            dietaryNotes = dietary, plusOne = plusOne, child = child, createdAt = STAMP, createdBy = JANE, updatedAt = STAMP, updatedBy = JANE)

    val guests = listOf(
        guest("g-hans", "h-muller", "Hans Müller", Rsvp.YES, meal = "Fish"),
        guest("g-greta", "h-muller", "Greta Müller", Rsvp.YES, meal = "Vegetarian", dietary = "No nuts"),
        guest("g-lena", "h-muller", "Lena Müller", Rsvp.MAYBE, child = true),
        guest("g-john", "h-doe", "John Doe", Rsvp.YES, meal = "Beef"),
        guest("g-mary", "h-doe", "Mary Doe", Rsvp.NO),
        guest("g-sam", "h-friends", "Sam Okafor", Rsvp.PENDING, plusOne = true),
        guest("g-kim", "h-friends", "Kim Larsen", Rsvp.YES, meal = "Vegan"),
    )

    private fun task(id: String, title: String, due: Long?, assignee: String?, done: Boolean = false) =
        Task(id, EVENT, 1, title, dueOn = due?.let(::day), assigneeId = assignee, done = done,
            doneAt = if (done) STAMP else null, doneBy = if (done) JANE else null,
            createdAt = STAMP, createdBy = JANE, updatedAt = STAMP, updatedBy = JANE)

    val tasks = listOf(
        task("t-venue", "Book the venue", -30, JANE, done = true),
        task("t-save", "Send save-the-dates", -3, ALEX),
        task("t-cake", "Cake tasting", 4, JANE),
        task("t-photo", "Choose a photographer", 12, ALEX),
        task("t-rings", "Order the rings", 45, null),
        task("t-music", "Pick the first-dance song", null, JANE),
    )

    val timeline = Timeline(
        today = TODAY.toString(), timezone = "Europe/Berlin",
        buckets = TimelineBuckets(
            overdue = tasks.filter { it.id == "t-save" },
            thisWeek = tasks.filter { it.id == "t-cake" },
            thisMonth = tasks.filter { it.id == "t-photo" },
            later = tasks.filter { it.id == "t-rings" },
            undated = tasks.filter { it.id == "t-music" },
            done = tasks.filter { it.id == "t-venue" },
        ),
    )

    val emptyTimeline = Timeline(TODAY.toString(), "Europe/Berlin",
        TimelineBuckets(emptyList(), emptyList(), emptyList(), emptyList(), emptyList(), emptyList()))

    private fun item(id: String, category: String, title: String, vendor: String?, estimated: Long, actual: Long?, paid: Long, receipts: Int) =
        BudgetItem(id, EVENT, 1, category, title, vendor, estimated, actual, paid, expectedCents = actual ?: estimated,
            stillToPayCents = (actual ?: estimated) - paid, currency = "EUR",
            receipts = List(receipts) { n ->
                Receipt("r-$id-$n", id, "receipt-$n.pdf", "application/pdf", 48_213, "0".repeat(64), "/receipts/r-$id-$n", STAMP, JANE)
            },
            createdAt = STAMP, createdBy = JANE, updatedAt = STAMP, updatedBy = JANE)

    val budgetItems = listOf(
        item("b-venue", "Venue", "Schloss Elmau hall", "Schloss Elmau", 1_200_000, 1_350_000, 600_000, 2),
        item("b-catering", "Catering", "Dinner for 80", "Gasthof Post", 800_000, null, 200_000, 1),
        item("b-flowers", "Flowers", "Bouquets and table flowers", "Blumen Huber", 150_000, null, 0, 0),
        item("b-music", "Music", "String quartet", null, 250_000, 240_000, 240_000, 1),
    )

    private fun totals(items: List<BudgetItem>) = BudgetTotals(
        items.size, items.sumOf { it.estimatedCents }, items.sumOf { it.actualCents ?: 0 }, items.sumOf { it.paidCents },
        items.sumOf { it.expectedCents }, items.sumOf { it.stillToPayCents },
    )

    /** With [plannedCents] below the expected total the summary is over budget. */
    fun budgetSummary(items: List<BudgetItem> = budgetItems, plannedCents: Long = 2_500_000): BudgetSummary {
        val overall = totals(items)
        return BudgetSummary(
            currency = "EUR", plannedCents = plannedCents, remainingCents = plannedCents - overall.expectedCents,
            overBudget = overall.expectedCents > plannedCents, overall = overall,
            categories = items.groupBy { it.category }.map { (category, list) ->
                val t = totals(list)
                CategoryTotals(category, t.items, t.estimatedCents, t.actualCents, t.paidCents, t.expectedCents, t.stillToPayCents)
            }.sortedBy { it.category },
        )
    }
}
