package eu.heapzilla.eventa.domain.timeline;

import static eu.heapzilla.eventa.domain.timeline.TimelineBucket.LATER;
import static eu.heapzilla.eventa.domain.timeline.TimelineBucket.OVERDUE;
import static eu.heapzilla.eventa.domain.timeline.TimelineBucket.THIS_MONTH;
import static eu.heapzilla.eventa.domain.timeline.TimelineBucket.THIS_WEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketOfTest {

    @ParameterizedTest(name = "today {0}, due {1} -> {2} ({3})")
    @CsvSource({
            // today,   due,          bucket,     why
            "2026-06-10, 2026-06-09, overdue,    due yesterday",
            "2026-06-10, 2026-06-10, this_week,  due today is never overdue",
            "2026-06-10, 2025-12-31, overdue,    due last year",
            "2026-06-10, 2026-06-14, this_week,  Wednesday to Sunday",
            "2026-06-10, 2026-06-15, this_month, next Monday in June",
            "2026-06-10, 2026-06-30, this_month, last of June",
            "2026-06-10, 2026-07-01, later,      next month",
            "2026-06-10, 2027-06-10, later,      same month next year",
            "2026-03-15, 2026-03-15, this_week,  Sunday due the same Sunday",
            "2026-03-15, 2026-03-14, overdue,    Sunday due Saturday",
            "2026-03-15, 2026-03-16, this_month, Sunday due next Monday in the month",
            "2026-05-31, 2026-05-31, this_week,  last-of-month Sunday due that Sunday",
            "2026-05-31, 2026-06-01, later,      last-of-month Sunday due next Monday",
            "2026-06-01, 2026-05-31, overdue,    Monday due the Sunday before",
            "2026-06-01, 2026-06-01, this_week,  Monday due that Monday",
            "2026-06-01, 2026-06-07, this_week,  Monday due that Sunday",
            "2026-06-01, 2026-06-08, this_month, Monday due next Monday",
            "2026-08-31, 2026-09-06, this_week,  last-of-month Monday: whole week into September",
            "2026-08-31, 2026-09-07, later,      last-of-month Monday: rest of September",
            "2026-01-29, 2026-02-01, this_week,  Thursday 29 Jan due Sunday 1 Feb",
            "2026-01-29, 2026-02-02, later,      Thursday 29 Jan due Monday 2 Feb",
            "2026-01-29, 2026-01-31, this_week,  Thursday 29 Jan due Saturday 31 Jan",
            "2026-01-31, 2026-02-01, this_week,  Saturday 31 Jan due Sunday 1 Feb",
            "2026-01-31, 2026-02-02, later,      Saturday 31 Jan due Monday 2 Feb",
            "2027-01-31, 2027-01-31, this_week,  Sunday 31 Jan due that day",
            "2027-01-31, 2027-02-01, later,      Sunday 31 Jan due Monday 1 Feb",
            "2028-02-29, 2028-02-28, overdue,    leap day due the day before",
            "2028-02-29, 2028-02-29, this_week,  leap day due that day",
            "2028-02-29, 2028-03-01, this_week,  leap day Tuesday due Wednesday",
            "2028-02-29, 2028-03-05, this_week,  leap day Tuesday due Sunday",
            "2028-02-29, 2028-03-06, later,      leap day Tuesday due next Monday",
            "2028-02-21, 2028-02-29, this_month, Monday a week before the leap day",
            "2026-02-28, 2026-03-01, this_week,  Saturday 28 Feb in a common year due Sunday 1 Mar",
            "2026-12-31, 2026-12-30, overdue,    31 Dec due the day before",
            "2026-12-31, 2027-01-01, this_week,  Thursday 31 Dec due Friday",
            "2026-12-31, 2027-01-03, this_week,  Thursday 31 Dec due Sunday",
            "2026-12-31, 2027-01-04, later,      Thursday 31 Dec due next Monday",
            "2030-12-31, 2031-01-05, this_week,  31 Dec Tuesday due Sunday",
    })
    void bucketsADueDateRelativeToToday(LocalDate today, LocalDate due, String bucket, String why) {
        assertEquals(bucket, Timeline.bucketOf(due, today).wireName(), why);
    }

    @Test
    void leapDay2024IsAThursday() {
        LocalDate leapDay = LocalDate.of(2024, 2, 29);
        assertEquals(OVERDUE, Timeline.bucketOf(LocalDate.of(2024, 2, 28), leapDay));
        assertEquals(THIS_WEEK, Timeline.bucketOf(leapDay, leapDay));
        assertEquals(THIS_WEEK, Timeline.bucketOf(LocalDate.of(2024, 3, 3), leapDay));
        assertEquals(LATER, Timeline.bucketOf(LocalDate.of(2024, 3, 4), leapDay));
        assertEquals(THIS_WEEK, Timeline.bucketOf(leapDay, LocalDate.of(2024, 2, 26)));
        assertEquals(THIS_MONTH, Timeline.bucketOf(leapDay, LocalDate.of(2024, 2, 25)), "today is the Sunday before");
        assertEquals(THIS_MONTH, Timeline.bucketOf(leapDay, LocalDate.of(2024, 2, 19)));
        assertEquals(LATER, Timeline.bucketOf(leapDay, LocalDate.of(2024, 1, 31)));
        assertEquals(OVERDUE, Timeline.bucketOf(leapDay, LocalDate.of(2024, 3, 1)));
    }

    @Test
    void leapDay2028IsATuesday() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        for (int day = 1; day <= 5; day++) {
            assertEquals(THIS_WEEK, Timeline.bucketOf(LocalDate.of(2028, 3, day), leapDay), "March " + day);
        }
        assertEquals(LATER, Timeline.bucketOf(LocalDate.of(2028, 3, 6), leapDay));
        assertEquals(THIS_WEEK, Timeline.bucketOf(leapDay, LocalDate.of(2028, 2, 28)));
        assertEquals(THIS_MONTH, Timeline.bucketOf(leapDay, LocalDate.of(2028, 2, 27)), "the Sunday before");
        assertEquals(OVERDUE, Timeline.bucketOf(leapDay, LocalDate.of(2028, 3, 1)));
    }

    @Test
    void bothDatesAreRequired() {
        LocalDate day = LocalDate.of(2026, 6, 10);
        assertThrows(NullPointerException.class, () -> Timeline.bucketOf(null, day));
        assertThrows(NullPointerException.class, () -> Timeline.bucketOf(day, null));
    }
}
