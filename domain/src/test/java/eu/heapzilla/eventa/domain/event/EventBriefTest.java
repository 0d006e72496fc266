package eu.heapzilla.eventa.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EventBriefTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static EventBrief brief(String title, Optional<LocalDate> date, Optional<String> location,
                                    Optional<String> notes, OptionalLong budget) {
        return new EventBrief(title, date, VIENNA, EUR, location, notes, budget);
    }

    private static EventBrief withTitle(String title) {
        return brief(title, Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty());
    }

    private static EventBrief withDate(LocalDate date) {
        return brief("Wedding", Optional.of(date), Optional.empty(), Optional.empty(), OptionalLong.empty());
    }

    private static EventBrief withLocation(String location) {
        return brief("Wedding", Optional.empty(), Optional.of(location), Optional.empty(), OptionalLong.empty());
    }

    private static EventBrief withNotes(String notes) {
        return brief("Wedding", Optional.empty(), Optional.empty(), Optional.of(notes), OptionalLong.empty());
    }

    private static EventBrief withBudget(long cents) {
        return brief("Wedding", Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.of(cents));
    }

    private static void assertInvalid(String field, Executable executable) {
        InvalidValue e = assertThrows(InvalidValue.class, executable);
        assertEquals(field, e.field());
        assertEquals("validation_error", e.errorCode());
        assertEquals(field, e.info().get("field"));
    }

    @Test
    void aTitledBriefHasTheDefaults() {
        EventBrief brief = EventBrief.titled("Jane's wedding");
        assertEquals("Jane's wedding", brief.title());
        assertEquals(Optional.empty(), brief.date());
        assertEquals(ZoneId.of("UTC"), brief.timezone());
        assertEquals(EUR, brief.currency());
        assertEquals(Optional.empty(), brief.location());
        assertEquals(Optional.empty(), brief.notes());
        assertEquals(OptionalLong.empty(), brief.plannedBudgetCents());
    }

    @Test
    void titleIsAtMost200Characters() {
        String longest = "t".repeat(EventBrief.MAX_TITLE);
        assertEquals(200, EventBrief.MAX_TITLE);
        assertEquals(longest, withTitle(longest).title());
        assertEquals(longest, EventBrief.title(longest));
        assertInvalid("title", () -> withTitle(longest + "t"));
        assertInvalid("title", () -> EventBrief.title(longest + "t"));
    }

    @Test
    void titleCountsCharactersNotUtf16Units() {
        String rings = "\uD83D\uDC8D".repeat(EventBrief.MAX_TITLE);
        assertEquals(rings, withTitle(rings).title());
        assertInvalid("title", () -> withTitle(rings + "\uD83D\uDC8D"));
    }

    @Test
    void titleIsRequiredAndASingleCleanLine() {
        for (String bad : new String[] {null, "", "   ", "Jane's\nwedding", "Jane's\u0007wedding", "tab\there", " Jane",
                "Jane "}) {
            assertInvalid("title", () -> withTitle(bad));
        }
    }

    @Test
    void locationIsAtMost200Characters() {
        String longest = "l".repeat(EventBrief.MAX_LOCATION);
        assertEquals(200, EventBrief.MAX_LOCATION);
        assertEquals(Optional.of(longest), withLocation(longest).location());
        assertEquals(Optional.of(longest), EventBrief.location(longest));
        assertInvalid("location", () -> withLocation(longest + "l"));
        assertInvalid("location", () -> EventBrief.location(longest + "l"));
    }

    @Test
    void locationIsOneLineWithoutControlCharacters() {
        for (String bad : new String[] {"Vienna\nAustria", "Vienna\u0000", "Vienna\u001B[31m", " Vienna"}) {
            assertInvalid("location", () -> withLocation(bad));
        }
    }

    @Test
    void blankLocationMeansNone() {
        assertEquals(Optional.empty(), withLocation("").location());
        assertEquals(Optional.empty(), withLocation("   ").location());
        assertEquals(Optional.empty(), EventBrief.location("  \t "));
        assertEquals(Optional.empty(), EventBrief.location(null));
        assertEquals(withTitle("Wedding"), withLocation(" "), "a blank location is the same brief as none");
    }

    @Test
    void notesAreAtMost10000CharactersAndMayHaveLineBreaks() {
        assertEquals(10_000, EventBrief.MAX_NOTES);
        String longest = ("line\r\n\tx" + "n".repeat(92)).repeat(100);
        assertEquals(10_000, longest.length());
        assertEquals(Optional.of(longest), withNotes(longest).notes());
        assertEquals(Optional.of(longest), EventBrief.notes(longest));
        assertInvalid("notes", () -> withNotes(longest + "n"));
        assertInvalid("notes", () -> EventBrief.notes(longest + "n"));
    }

    @Test
    void notesRefuseControlCharactersOtherThanLineBreaksAndTabs() {
        for (String bad : new String[] {"bell\u0007", "nul\u0000", "escape\u001B", "delete\u007F", "next line\u0085"}) {
            assertInvalid("notes", () -> withNotes(bad));
        }
    }

    @Test
    void blankNotesMeanNone() {
        assertEquals(Optional.empty(), withNotes("").notes());
        assertEquals(Optional.empty(), withNotes(" \n\r\n\t ").notes());
        assertEquals(Optional.empty(), EventBrief.notes(null));
    }

    @Test
    void datesRunFrom1900To2999() {
        LocalDate earliest = LocalDate.of(1900, 1, 1);
        LocalDate latest = LocalDate.of(2999, 12, 31);
        assertEquals(Optional.of(earliest), withDate(earliest).date());
        assertEquals(Optional.of(latest), withDate(latest).date());
        assertEquals(earliest, EventBrief.date(earliest));
        assertEquals(latest, EventBrief.date(latest));
        assertInvalid("date", () -> withDate(earliest.minusDays(1)));
        assertInvalid("date", () -> withDate(latest.plusDays(1)));
        assertInvalid("date", () -> EventBrief.date(earliest.minusDays(1)));
        assertInvalid("date", () -> EventBrief.date(latest.plusDays(1)));
    }

    @Test
    void plannedBudgetRunsFromZeroToAHundredTrillionMinorUnits() {
        assertEquals(100_000_000_000_000L, EventBrief.MAX_BUDGET_CENTS);
        assertEquals(OptionalLong.of(0), withBudget(0).plannedBudgetCents());
        assertEquals(OptionalLong.of(EventBrief.MAX_BUDGET_CENTS), withBudget(EventBrief.MAX_BUDGET_CENTS).plannedBudgetCents());
        assertEquals(0, EventBrief.plannedBudgetCents(0));
        assertInvalid("planned_budget_cents", () -> withBudget(-1));
        assertInvalid("planned_budget_cents", () -> withBudget(EventBrief.MAX_BUDGET_CENTS + 1));
        assertInvalid("planned_budget_cents", () -> EventBrief.plannedBudgetCents(-1));
        assertInvalid("planned_budget_cents", () -> EventBrief.plannedBudgetCents(Long.MAX_VALUE));
    }

    @Test
    void timezonesAreIanaIds() {
        assertEquals(VIENNA, EventBrief.timezone("Europe/Vienna"));
        assertEquals(ZoneId.of("America/Argentina/Buenos_Aires"), EventBrief.timezone("America/Argentina/Buenos_Aires"));
        assertEquals(ZoneId.of("UTC"), EventBrief.timezone("UTC"));
    }

    @Test
    void fixedOffsetsAndMadeUpZonesAreNotTimezones() {
        for (String bad : new String[] {"+02:00", "Z", "UTC+2", "GMT+02:00", "Mars/Base", "europe/vienna", "", " Europe/Vienna",
                null}) {
            assertInvalid("timezone", () -> EventBrief.timezone(bad));
        }
    }

    @Test
    void currenciesAreIsoCodesInCapitals() {
        assertEquals(EUR, EventBrief.currency("EUR"));
        assertEquals(Currency.getInstance("CHF"), EventBrief.currency("CHF"));
        assertEquals(Currency.getInstance("JPY"), EventBrief.currency("JPY"));
        for (String bad : new String[] {"eur", "Eur", "XYZ", "EU", "EURO", " EUR", "", "€", null}) {
            assertInvalid("currency", () -> EventBrief.currency(bad));
        }
    }

    @Test
    void editingSetsAndClearsFieldsAndKeepsTheRest() {
        EventBrief before = new EventBrief("Wedding", Optional.of(LocalDate.of(2027, 5, 1)), VIENNA, EUR,
                Optional.of("Vienna"), Optional.of("bring cake"), OptionalLong.of(1_000_000));

        EventBrief after = before.edited(EventEdit.none().withTitle("Jane's wedding").withLocation(Optional.empty())
                .withCurrency(Currency.getInstance("CHF")));

        assertEquals("Jane's wedding", after.title());
        assertEquals(Optional.of(LocalDate.of(2027, 5, 1)), after.date());
        assertEquals(VIENNA, after.timezone());
        assertEquals(Currency.getInstance("CHF"), after.currency());
        assertEquals(Optional.empty(), after.location());
        assertEquals(Optional.of("bring cake"), after.notes());
        assertEquals(OptionalLong.of(1_000_000), after.plannedBudgetCents());
        assertEquals(before, before.edited(EventEdit.none()));
    }

    @Test
    void anEditIsCheckedLikeAnyOtherBrief() {
        EventBrief before = EventBrief.titled("Wedding");
        assertInvalid("title", () -> before.edited(EventEdit.none().withTitle("t".repeat(201))));
        assertInvalid("date", () -> before.edited(EventEdit.none().withDate(Optional.of(LocalDate.of(3000, 1, 1)))));
        assertInvalid("planned_budget_cents", () -> before.edited(EventEdit.none().withPlannedBudgetCents(OptionalLong.of(-5))));
        assertEquals(Optional.empty(), before.edited(EventEdit.none().withNotes(Optional.of("  "))).notes(),
                "an edit that sets blank notes clears them");
    }

    @Test
    void theConstructorRefusesAFixedOffsetAsTimezone() {
        assertInvalid("timezone", () -> new EventBrief("Wedding", Optional.empty(), ZoneOffset.ofHours(2), EUR,
                Optional.empty(), Optional.empty(), OptionalLong.empty()));
        assertInvalid("timezone", () -> EventBrief.titled("Wedding").edited(EventEdit.none().withTimezone(ZoneId.of("+02:00"))));
    }
}
