package eu.heapzilla.eventa.domain.timeline;

import static eu.heapzilla.eventa.domain.timeline.TestTasks.done;
import static eu.heapzilla.eventa.domain.timeline.TestTasks.id;
import static eu.heapzilla.eventa.domain.timeline.TestTasks.open;
import static eu.heapzilla.eventa.domain.timeline.TestTasks.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrangeTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VIENNA).toInstant();
    }

    private static List<Integer> idsOf(List<Task> tasks) {
        Map<TaskId, Integer> numbers = new HashMap<>();
        for (int n = 0; n < 1_000; n++) {
            numbers.put(id(n), n);
        }
        return tasks.stream().map(task -> numbers.get(task.id())).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "today {0}, due {1}, done at {2} -> {3}")
    @CsvSource({
            // today,   due,        done at (Vienna),    bucket ('-': left out)
            "2026-06-10,           ,                   , undated",
            "2026-06-10, 2026-06-09,                   , overdue",
            "2026-06-10, 2026-06-10,                   , this_week",
            "2026-06-10, 2026-06-14,                   , this_week",
            "2026-06-10, 2026-06-20,                   , this_month",
            "2026-06-10, 2026-07-20,                   , later",
            "2026-06-10, 2026-06-09, 2026-06-10T08:00  , done",
            "2026-06-10,           , 2026-06-04T00:00  , done",
            "2026-06-10,           , 2026-06-03T23:59  , -",
            "2026-06-10, 2026-06-30, 2026-06-11T08:00  , done",
            "2026-06-10, 2026-06-30, 2020-01-01T08:00  , -",
            "2026-06-10, 2026-06-01, 2026-05-01T08:00  , -",
    })
    void aSingleTaskLandsInItsBucketOrIsLeftOut(LocalDate today, LocalDate due, String doneAt, String bucket) {
        Task task = doneAt == null ? open(1, "Book the florist", due) : done(1, "Book the florist", due, at(doneAt));
        Timeline timeline = Timeline.arrange(List.of(task), today, VIENNA);
        List<String> holding = timeline.buckets().entrySet().stream()
                .filter(entry -> entry.getValue().contains(task))
                .map(entry -> entry.getKey().wireName())
                .collect(Collectors.toList());
        assertEquals(bucket.equals("-") ? List.of() : List.of(bucket), holding);
    }

    @Test
    void everyBucketIsPresentInEnumOrderEvenWhenEmpty() {
        Timeline timeline = Timeline.arrange(List.of(), TODAY, VIENNA);
        assertEquals(Arrays.asList(TimelineBucket.values()), new ArrayList<>(timeline.buckets().keySet()));
        timeline.buckets().values().forEach(tasks -> assertTrue(tasks.isEmpty()));
        assertEquals(TODAY, timeline.today());
        assertEquals(VIENNA, timeline.zone());
    }

    @Test
    void theResultCannotBeChanged() {
        Timeline timeline = Timeline.arrange(List.of(open(1, "Book the florist", null)), TODAY, VIENNA);
        assertThrows(UnsupportedOperationException.class, () -> timeline.buckets().put(TimelineBucket.DONE, List.of()));
        assertThrows(UnsupportedOperationException.class, () -> timeline.buckets().remove(TimelineBucket.UNDATED));
        assertThrows(UnsupportedOperationException.class, () -> timeline.tasksIn(TimelineBucket.UNDATED).clear());
        assertThrows(UnsupportedOperationException.class, () -> timeline.tasksIn(TimelineBucket.LATER).add(open(2, "x", null)));
    }

    @Test
    void theInputIsCopied() {
        List<Task> tasks = new ArrayList<>(List.of(open(1, "Book the florist", null)));
        Timeline timeline = Timeline.arrange(tasks, TODAY, VIENNA);
        tasks.add(open(2, "Hire the band", null));
        tasks.clear();
        assertEquals(List.of("Book the florist"), titles(timeline.tasksIn(TimelineBucket.UNDATED)));
    }

    @Test
    void aTimelineBuiltByHandHasEveryBucketAndCopiesItsLists() {
        List<Task> undated = new ArrayList<>(List.of(open(1, "Book the florist", null)));
        Timeline timeline = new Timeline(TODAY, VIENNA, Map.of(TimelineBucket.UNDATED, undated));
        undated.clear();
        assertEquals(Arrays.asList(TimelineBucket.values()), new ArrayList<>(timeline.buckets().keySet()));
        assertEquals(1, timeline.tasksIn(TimelineBucket.UNDATED).size());
        assertEquals(List.of(), timeline.tasksIn(TimelineBucket.DONE));
        assertEquals(timeline, Timeline.arrange(List.of(open(1, "Book the florist", null)), TODAY, VIENNA));
    }

    @Test
    void datedTasksAreOrderedByDueDateThenTitleIgnoringCaseThenExactlyThenId() {
        List<Task> tasks = List.of(
                open(6, "Apple", LocalDate.of(2026, 8, 1)),
                open(5, "apple", LocalDate.of(2026, 7, 2)),
                open(4, "banana", LocalDate.of(2026, 7, 2)),
                open(3, "Apple", LocalDate.of(2026, 7, 2)),
                open(2, "apple", LocalDate.of(2026, 7, 2)),
                open(1, "Zebra", LocalDate.of(2026, 7, 1)),
                open(12, "b", LocalDate.of(2026, 6, 11)),
                open(11, "B", LocalDate.of(2026, 6, 11)),
                open(10, "a", LocalDate.of(2026, 6, 12)),
                open(9, "Z", LocalDate.of(2026, 6, 1)),
                open(8, "a", LocalDate.of(2026, 6, 9)),
                open(7, "a", LocalDate.of(2026, 6, 9)));

        Timeline timeline = Timeline.arrange(tasks, TODAY, VIENNA);

        assertEquals(List.of(9, 7, 8), idsOf(timeline.tasksIn(TimelineBucket.OVERDUE)));
        assertEquals(List.of(11, 12, 10), idsOf(timeline.tasksIn(TimelineBucket.THIS_WEEK)));
        assertEquals(List.of(1, 3, 2, 5, 4, 6), idsOf(timeline.tasksIn(TimelineBucket.LATER)));
    }

    @Test
    void undatedTasksAreOrderedByTitleThenId() {
        List<Task> tasks = List.of(
                open(4, "hire the band", null),
                open(3, "Hire the band", null),
                open(2, "Book the florist", null),
                open(1, "hire the band", null),
                open(5, "Áccommodation", null));

        assertEquals(List.of(2, 3, 1, 4, 5), idsOf(Timeline.arrange(tasks, TODAY, VIENNA).tasksIn(TimelineBucket.UNDATED)));
    }

    @Test
    void idsCompareAsTheirCanonicalStrings() {
        Task high = open(new TaskId(new UUID(0, Long.MIN_VALUE)), "Same title", null);
        Task low = open(new TaskId(new UUID(0, 1)), "Same title", null);

        assertEquals(List.of(low, high), Timeline.arrange(List.of(high, low), TODAY, VIENNA).tasksIn(TimelineBucket.UNDATED));
    }

    @Test
    void doneTasksAreMostRecentlyCompletedFirstThenById() {
        List<Task> tasks = List.of(
                done(1, "Send invitations", null, at("2026-06-05T09:00")),
                done(2, "Order the cake", LocalDate.of(2026, 6, 1), at("2026-06-10T09:00")),
                done(4, "Hire the band", null, at("2026-06-08T09:00")),
                done(3, "Book the venue", null, at("2026-06-08T09:00")),
                done(5, "Old news", null, at("2026-06-03T09:00")));

        assertEquals(List.of(2, 3, 4, 1), idsOf(Timeline.arrange(tasks, TODAY, VIENNA).tasksIn(TimelineBucket.DONE)));
    }

    @Test
    void theInputOrderDoesNotChangeTheResult() {
        List<Task> tasks = randomTasks(new Random(20260610L), 300);
        Timeline expected = Timeline.arrange(tasks, TODAY, VIENNA);
        Random shuffler = new Random(42L);
        for (int round = 0; round < 25; round++) {
            List<Task> shuffled = new ArrayList<>(tasks);
            Collections.shuffle(shuffled, shuffler);
            assertEquals(expected, Timeline.arrange(shuffled, TODAY, VIENNA), "round " + round);
        }
        List<Task> reversed = new ArrayList<>(tasks);
        Collections.reverse(reversed);
        assertEquals(expected, Timeline.arrange(reversed, TODAY, VIENNA));
    }

    @Test
    void everyTaskAppearsAtMostOnceAndEveryOpenTaskAppearsInItsBucket() {
        Random random = new Random(7L);
        for (int round = 0; round < 50; round++) {
            LocalDate today = TODAY.plusDays(random.nextInt(400) - 200);
            List<Task> tasks = randomTasks(random, 1 + random.nextInt(120));
            Timeline timeline = Timeline.arrange(tasks, today, VIENNA);

            Map<TaskId, TimelineBucket> placed = new HashMap<>();
            timeline.buckets().forEach((bucket, inBucket) -> inBucket.forEach(task -> {
                TimelineBucket before = placed.put(task.id(), bucket);
                assertEquals(null, before, () -> task + " in " + before + " and " + bucket);
            }));
            for (Task task : tasks) {
                TimelineBucket bucket = placed.get(task.id());
                if (task.isDone()) {
                    LocalDate doneOn = LocalDate.ofInstant(task.done().orElseThrow().at(), VIENNA);
                    boolean recent = doneOn.isAfter(today.minusDays(Timeline.RECENTLY_DONE_DAYS));
                    assertEquals(recent ? TimelineBucket.DONE : null, bucket, task::toString);
                } else {
                    TimelineBucket expected = task.details().dueOn()
                            .map(due -> Timeline.bucketOf(due, today)).orElse(TimelineBucket.UNDATED);
                    assertEquals(expected, bucket, task::toString);
                }
            }
            timeline.buckets().forEach((bucket, inBucket) -> assertInDisplayOrder(bucket, inBucket));
        }
    }

    @Test
    void twoTasksWithOneIdAreRefused() {
        List<Task> tasks = List.of(open(1, "Book the florist", null), done(1, "Book the florist", null, at("2026-06-09T10:00")));
        assertThrows(IllegalArgumentException.class, () -> Timeline.arrange(tasks, TODAY, VIENNA));
    }

    @Test
    void nothingIsOptional() {
        List<Task> withNull = Arrays.asList(open(1, "Book the florist", null), null);
        assertThrows(NullPointerException.class, () -> Timeline.arrange(null, TODAY, VIENNA));
        assertThrows(NullPointerException.class, () -> Timeline.arrange(withNull, TODAY, VIENNA));
        assertThrows(NullPointerException.class, () -> Timeline.arrange(List.of(), null, VIENNA));
        assertThrows(NullPointerException.class, () -> Timeline.arrange(List.of(), TODAY, null));
    }

    private static void assertInDisplayOrder(TimelineBucket bucket, List<Task> tasks) {
        for (int i = 1; i < tasks.size(); i++) {
            Task a = tasks.get(i - 1);
            Task b = tasks.get(i);
            int order;
            if (bucket == TimelineBucket.DONE) {
                order = b.done().orElseThrow().at().compareTo(a.done().orElseThrow().at());
            } else {
                order = bucket == TimelineBucket.UNDATED ? 0 : a.details().dueOn().orElseThrow().compareTo(b.details().dueOn().orElseThrow());
                if (order == 0) {
                    order = a.details().title().compareToIgnoreCase(b.details().title());
                }
                if (order == 0) {
                    order = a.details().title().compareTo(b.details().title());
                }
            }
            if (order == 0) {
                order = a.id().toString().compareTo(b.id().toString());
            }
            assertTrue(order < 0, () -> bucket + ": " + a + " before " + b);
        }
    }

    /** Tasks with many ties: few titles (in varied case), few due dates, some done at the same instant. */
    private static List<Task> randomTasks(Random random, int count) {
        String[] titles = {"Book the florist", "book the florist", "BOOK THE FLORIST", "Hire the band", "Order the cake", "a", "A"};
        List<Task> tasks = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String title = titles[random.nextInt(titles.length)];
            LocalDate due = random.nextInt(5) == 0 ? null : TODAY.plusDays(random.nextInt(400) - 200);
            if (random.nextInt(3) == 0) {
                Instant doneAt = TODAY.atStartOfDay(VIENNA).toInstant()
                        .plusSeconds(3_600L * (random.nextInt(24 * 420) - 24 * 210));
                tasks.add(done(n, title, due, doneAt));
            } else {
                tasks.add(open(n, title, due));
            }
        }
        return tasks;
    }
}
