package eu.heapzilla.eventa.domain.timeline;

import static eu.heapzilla.eventa.domain.timeline.TimelineBucket.LATER;
import static eu.heapzilla.eventa.domain.timeline.TimelineBucket.OVERDUE;
import static eu.heapzilla.eventa.domain.timeline.TimelineBucket.THIS_MONTH;
import static eu.heapzilla.eventa.domain.timeline.TimelineBucket.THIS_WEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive checks of {@link Timeline#bucketOf}: every today from 2023 to 2030 (month ends, year
 * ends, the leap days of 2024 and 2028) against every due date from 45 days before to 100 after.
 */
class BucketOfPropertiesTest {

    private static final LocalDate FIRST_TODAY = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST_TODAY = LocalDate.of(2030, 12, 31);
    private static final int DAYS_BEFORE = 45;
    private static final int DAYS_AFTER = 100;

    private interface Check {
        void check(LocalDate today, LocalDate due, TimelineBucket bucket);
    }

    private static int forEveryPair(Check check) {
        int pairs = 0;
        for (LocalDate today = FIRST_TODAY; !today.isAfter(LAST_TODAY); today = today.plusDays(1)) {
            for (LocalDate due = today.minusDays(DAYS_BEFORE); !due.isAfter(today.plusDays(DAYS_AFTER)); due = due.plusDays(1)) {
                check.check(today, due, Timeline.bucketOf(due, today));
                pairs++;
            }
        }
        return pairs;
    }

    private static LocalDate sundayOfTheWeekOf(LocalDate day) {
        LocalDate sunday = day;
        while (sunday.getDayOfWeek() != DayOfWeek.SUNDAY) {
            sunday = sunday.plusDays(1);
        }
        return sunday;
    }

    private static boolean sameIsoWeek(LocalDate a, LocalDate b) {
        return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static boolean sameMonth(LocalDate a, LocalDate b) {
        return a.getYear() == b.getYear() && a.getMonth() == b.getMonth();
    }

    private static String pair(LocalDate today, LocalDate due, TimelineBucket bucket) {
        return "today " + today + " (" + today.getDayOfWeek() + "), due " + due + " (" + due.getDayOfWeek() + ") -> " + bucket;
    }

    @Test
    void everyPairGetsExactlyTheRulesBucket() {
        int pairs = forEveryPair((today, due, bucket) -> {
            LocalDate sunday = sundayOfTheWeekOf(today);
            TimelineBucket expected = due.isBefore(today) ? OVERDUE
                    : !due.isAfter(sunday) ? THIS_WEEK
                    : sameMonth(due, today) ? THIS_MONTH
                    : LATER;
            if (bucket != expected) {
                assertEquals(expected, bucket, pair(today, due, bucket));
            }
        });
        assertEquals(2922 * (DAYS_BEFORE + 1 + DAYS_AFTER), pairs, "8 years, two of them leap years");
    }

    @Test
    void overdueExactlyWhenDueBeforeToday() {
        forEveryPair((today, due, bucket) ->
                assertTrue((bucket == OVERDUE) == due.isBefore(today), () -> pair(today, due, bucket)));
    }

    @Test
    void thisWeekExactlyWhenDueFromTodayToTheEndOfTodaysIsoWeek() {
        forEveryPair((today, due, bucket) -> {
            boolean expected = !due.isBefore(today) && sameIsoWeek(due, today);
            assertTrue((bucket == THIS_WEEK) == expected, () -> pair(today, due, bucket));
        });
    }

    @Test
    void thisMonthOnlyAfterThisWeekWithinTodaysMonth() {
        forEveryPair((today, due, bucket) -> {
            if (bucket == THIS_MONTH) {
                assertTrue(sameMonth(due, today) && due.isAfter(sundayOfTheWeekOf(today)), () -> pair(today, due, bucket));
            }
        });
    }

    @Test
    void laterOnlyAfterThisWeekOutsideTodaysMonth() {
        forEveryPair((today, due, bucket) -> {
            if (bucket == LATER) {
                assertTrue(!sameMonth(due, today) && due.isAfter(sundayOfTheWeekOf(today)), () -> pair(today, due, bucket));
            }
        });
    }

    @Test
    void dueTodayIsThisWeekNeverOverdue() {
        for (LocalDate today = FIRST_TODAY; !today.isAfter(LAST_TODAY); today = today.plusDays(1)) {
            assertEquals(THIS_WEEK, Timeline.bucketOf(today, today), today.toString());
        }
    }

    @Test
    void theBucketNeverMovesBackAsTheDueDateMovesOn() {
        for (LocalDate today = FIRST_TODAY; !today.isAfter(LAST_TODAY); today = today.plusDays(1)) {
            TimelineBucket previous = OVERDUE;
            for (LocalDate due = today.minusDays(DAYS_BEFORE); !due.isAfter(today.plusDays(DAYS_AFTER)); due = due.plusDays(1)) {
                TimelineBucket bucket = Timeline.bucketOf(due, today);
                if (bucket.compareTo(previous) < 0) {
                    assertEquals(previous, bucket, pair(today, due, bucket) + " after " + previous);
                }
                previous = bucket;
            }
            assertEquals(LATER, previous, "100 days on is always later; " + today);
        }
    }

    @Test
    void thisMonthIsEmptyExactlyWhenThisWeekReachesTheMonthsEnd() {
        for (LocalDate today = FIRST_TODAY; !today.isAfter(LAST_TODAY); today = today.plusDays(1)) {
            Set<TimelineBucket> seen = EnumSet.noneOf(TimelineBucket.class);
            for (LocalDate due = today.minusDays(DAYS_BEFORE); !due.isAfter(today.plusDays(DAYS_AFTER)); due = due.plusDays(1)) {
                seen.add(Timeline.bucketOf(due, today));
            }
            LocalDate endOfMonth = today.withDayOfMonth(today.lengthOfMonth());
            boolean weekReachesMonthEnd = !sundayOfTheWeekOf(today).isBefore(endOfMonth);
            assertEquals(!weekReachesMonthEnd, seen.contains(THIS_MONTH), today.toString());
            assertTrue(seen.containsAll(EnumSet.of(OVERDUE, THIS_WEEK, LATER)), today.toString());
        }
    }
}
