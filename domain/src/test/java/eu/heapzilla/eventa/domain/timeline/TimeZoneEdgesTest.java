package eu.heapzilla.eventa.domain.timeline;

import static eu.heapzilla.eventa.domain.timeline.TestTasks.done;
import static eu.heapzilla.eventa.domain.timeline.TestTasks.open;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.heapzilla.eventa.domain.task.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which day "today" is, and so which bucket a task is in, depends on the zone it is seen from. */
class TimeZoneEdgesTest {

    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    private static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");

    private static TimelineBucket bucketNamed(String wireName) {
        return TimelineBucket.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    private static TimelineBucket bucketOfOnly(Timeline timeline, Task task) {
        List<TimelineBucket> holding = timeline.buckets().entrySet().stream()
                .filter(entry -> entry.getValue().contains(task))
                .map(Map.Entry::getKey)
                .toList();
        assertEquals(1, holding.size(), () -> "in " + holding);
        return holding.get(0);
    }

    @ParameterizedTest(name = "{1} in {0} is {2}")
    @CsvSource({
            "UTC,                2026-06-10T10:30:00Z, 2026-06-10",
            "Pacific/Kiritimati, 2026-06-10T10:30:00Z, 2026-06-11",
            "Pacific/Pago_Pago,  2026-06-10T10:30:00Z, 2026-06-09",
            "Pacific/Kiritimati, 2026-06-10T09:59:59Z, 2026-06-10",
            "Pacific/Kiritimati, 2026-06-10T10:00:00Z, 2026-06-11",
            "Pacific/Pago_Pago,  2026-06-10T10:59:59Z, 2026-06-09",
            "Pacific/Pago_Pago,  2026-06-10T11:00:00Z, 2026-06-10",
            "Europe/Vienna,      2026-03-28T22:59:59Z, 2026-03-28",
            "Europe/Vienna,      2026-03-28T23:00:00Z, 2026-03-29",
            "Europe/Vienna,      2026-03-29T21:59:59Z, 2026-03-29",
            "Europe/Vienna,      2026-03-29T22:00:00Z, 2026-03-30",
            "Europe/Vienna,      2026-10-24T21:59:59Z, 2026-10-24",
            "Europe/Vienna,      2026-10-24T22:00:00Z, 2026-10-25",
            "Europe/Vienna,      2026-10-25T22:59:59Z, 2026-10-25",
            "Europe/Vienna,      2026-10-25T23:00:00Z, 2026-10-26",
            "America/New_York,   2026-03-08T04:59:59Z, 2026-03-07",
            "America/New_York,   2026-03-08T05:00:00Z, 2026-03-08",
            "America/New_York,   2026-03-09T03:59:59Z, 2026-03-08",
            "America/New_York,   2026-03-09T04:00:00Z, 2026-03-09",
            "America/New_York,   2026-11-02T04:59:59Z, 2026-11-01",
            "America/New_York,   2026-11-02T05:00:00Z, 2026-11-02",
    })
    void todayIsTheCalendarDateInTheZone(ZoneId zone, Instant now, LocalDate today) {
        assertEquals(today, Timeline.today(now, zone));
    }

    @Test
    void theSameInstantIsTwoDaysApartAcrossTheDateLine() {
        Instant now = Instant.parse("2026-06-10T10:30:00Z");
        Task task = open(1, "Collect the rings", LocalDate.of(2026, 6, 10));

        Timeline kiritimati = Timeline.arrange(List.of(task), Timeline.today(now, KIRITIMATI), KIRITIMATI);
        Timeline pagoPago = Timeline.arrange(List.of(task), Timeline.today(now, PAGO_PAGO), PAGO_PAGO);

        assertEquals(LocalDate.of(2026, 6, 11), kiritimati.today());
        assertEquals(LocalDate.of(2026, 6, 9), pagoPago.today());
        assertEquals(List.of(task), kiritimati.tasksIn(TimelineBucket.OVERDUE));
        assertEquals(List.of(task), pagoPago.tasksIn(TimelineBucket.THIS_WEEK));
        assertEquals(KIRITIMATI, kiritimati.zone());
        assertEquals(PAGO_PAGO, pagoPago.zone());
    }

    @ParameterizedTest(name = "at {1} in {0}, due {2} is {3}")
    @CsvSource({
            "Pacific/Kiritimati, 2026-06-10T10:30:00Z, 2026-06-10, overdue",
            "Pacific/Pago_Pago,  2026-06-10T10:30:00Z, 2026-06-10, this_week",
            "Pacific/Kiritimati, 2026-06-30T10:30:00Z, 2026-07-01, this_week",
            "Pacific/Pago_Pago,  2026-06-30T10:30:00Z, 2026-07-01, this_week",
            "Pacific/Kiritimati, 2026-05-31T10:30:00Z, 2026-06-05, this_week",
            "Pacific/Pago_Pago,  2026-05-31T10:30:00Z, 2026-06-05, later",
            // the 23-hour Sunday when Vienna springs forward
            "Europe/Vienna,      2026-03-29T21:59:59Z, 2026-03-29, this_week",
            "Europe/Vienna,      2026-03-29T22:00:00Z, 2026-03-29, overdue",
            "Europe/Vienna,      2026-03-29T21:59:59Z, 2026-04-05, later",
            "Europe/Vienna,      2026-03-29T22:00:00Z, 2026-04-05, this_week",
            // the 25-hour Sunday when Vienna falls back
            "Europe/Vienna,      2026-10-25T22:59:59Z, 2026-10-25, this_week",
            "Europe/Vienna,      2026-10-25T23:00:00Z, 2026-10-25, overdue",
            "Europe/Vienna,      2026-10-25T22:59:59Z, 2026-10-26, this_month",
            "Europe/Vienna,      2026-10-25T23:00:00Z, 2026-10-26, this_week",
            "America/New_York,   2026-03-09T03:59:59Z, 2026-03-09, this_month",
            "America/New_York,   2026-03-09T04:00:00Z, 2026-03-09, this_week",
            "America/New_York,   2026-11-02T04:59:59Z, 2026-11-01, this_week",
            "America/New_York,   2026-11-02T05:00:00Z, 2026-11-01, overdue",
            "America/New_York,   2026-11-02T04:59:59Z, 2026-11-08, this_month",
            "America/New_York,   2026-11-02T05:00:00Z, 2026-11-08, this_week",
    })
    void aTaskIsBucketedByTheZonesToday(ZoneId zone, Instant now, LocalDate due, String bucket) {
        Task task = open(1, "Book the florist", due);
        Timeline timeline = Timeline.arrange(List.of(task), Timeline.today(now, zone), zone);
        assertEquals(bucketNamed(bucket), bucketOfOnly(timeline, task));
    }

    @ParameterizedTest(name = "today {1} in {0}, done at {2} local: shown {3}")
    @CsvSource({
            "Europe/Vienna,    2026-01-15, 2026-01-08T23:30,    false",
            "Europe/Vienna,    2026-01-15, 2026-01-08T23:59:59, false",
            "Europe/Vienna,    2026-01-15, 2026-01-09T00:00,    true",
            "Europe/Vienna,    2026-01-15, 2026-01-09T00:30,    true",
            "Europe/Vienna,    2026-01-15, 2026-01-15T23:59:59, true",
            "Europe/Vienna,    2026-01-15, 2026-01-16T00:30,    true",
            "America/New_York, 2026-01-15, 2026-01-08T23:30,    false",
            "America/New_York, 2026-01-15, 2026-01-09T00:00,    true",
            "Pacific/Kiritimati, 2026-01-15, 2026-01-08T23:30,  false",
            "Pacific/Pago_Pago,  2026-01-15, 2026-01-08T23:30,  false",
            "Pacific/Pago_Pago,  2026-01-15, 2026-01-09T00:00,  true",
            // seven days ago was before Vienna's spring-forward, today is after it
            "Europe/Vienna,    2026-04-01, 2026-03-25T23:30,    false",
            "Europe/Vienna,    2026-04-01, 2026-03-26T00:00,    true",
            // seven days ago was before New York's fall-back, today is after it
            "America/New_York, 2026-11-05, 2026-10-29T23:30,    false",
            "America/New_York, 2026-11-05, 2026-10-30T00:00,    true",
    })
    void aCompletionIsRecentByItsDateInTheZone(ZoneId zone, LocalDate today, LocalDateTime doneAtLocal, boolean shown) {
        Task task = done(1, "Send invitations", null, doneAtLocal.atZone(zone).toInstant());
        Timeline timeline = Timeline.arrange(List.of(task), today, zone);
        assertEquals(shown ? List.of(task) : List.of(), timeline.tasksIn(TimelineBucket.DONE));
    }

    @Test
    void recentlyDoneIsJudgedInTheGivenZoneNotInUtc() {
        LocalDate today = LocalDate.of(2026, 1, 15);
        ZoneId vienna = ZoneId.of("Europe/Vienna");
        ZoneId newYork = ZoneId.of("America/New_York");
        Task justInVienna = done(1, "Order the cake", null, LocalDateTime.of(2026, 1, 9, 0, 30).atZone(vienna).toInstant());
        Task justOutInNewYork = done(2, "Hire the band", null, LocalDateTime.of(2026, 1, 8, 23, 30).atZone(newYork).toInstant());

        assertEquals(LocalDate.of(2026, 1, 8), LocalDate.ofInstant(justInVienna.done().orElseThrow().at(), ZoneOffset.UTC));
        assertEquals(LocalDate.of(2026, 1, 9), LocalDate.ofInstant(justOutInNewYork.done().orElseThrow().at(), ZoneOffset.UTC));
        assertEquals(List.of(justInVienna), doneIn(justInVienna, today, vienna));
        assertEquals(List.of(), doneIn(justInVienna, today, ZoneOffset.UTC));
        assertEquals(List.of(), doneIn(justOutInNewYork, today, newYork));
        assertEquals(List.of(justOutInNewYork), doneIn(justOutInNewYork, today, ZoneOffset.UTC));
    }

    private static List<Task> doneIn(Task task, LocalDate today, ZoneId zone) {
        return Timeline.arrange(List.of(task), today, zone).tasksIn(TimelineBucket.DONE);
    }
}
