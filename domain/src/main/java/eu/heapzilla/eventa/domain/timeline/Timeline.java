package eu.heapzilla.eventa.domain.timeline;

import eu.heapzilla.eventa.domain.task.Completion;
import eu.heapzilla.eventa.domain.task.Task;
import eu.heapzilla.eventa.domain.task.TaskId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An event's tasks arranged into {@link TimelineBucket buckets} as seen on {@code today} in
 * {@code zone}. Build one with {@link #arrange}; the rule for a single due date is
 * {@link #bucketOf}.
 *
 * <p>Within a bucket, dated tasks are ordered by due date, then title (ignoring case first, then
 * exactly), then id; {@link TimelineBucket#UNDATED undated} tasks by title, then id; and
 * {@link TimelineBucket#DONE done} tasks most recently completed first, then id. Ids compare in
 * their canonical string form (the order PostgreSQL sorts {@code uuid} in). The order is total,
 * so the same tasks always give the same timeline, whatever order they come in.
 *
 * @param today   the calendar date the timeline is drawn for
 * @param zone    the time zone in which that date is today and completions are dated
 * @param buckets every bucket in enum order, each with its tasks in display order; unmodifiable
 */
public record Timeline(LocalDate today, ZoneId zone, Map<TimelineBucket, List<Task>> buckets) {

    /** How many calendar days, today included, a done task stays on the timeline. */
    public static final int RECENTLY_DONE_DAYS = 7;

    private static final Comparator<Task> BY_ID = Comparator.comparing(task -> task.id().toString());
    private static final Comparator<Task> BY_TITLE = Comparator
            .comparing((Task task) -> task.details().title(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(task -> task.details().title())
            .thenComparing(BY_ID);
    private static final Comparator<Task> BY_DUE = Comparator
            .comparing((Task task) -> task.details().dueOn().orElseThrow())
            .thenComparing(BY_TITLE);
    private static final Comparator<Task> LATEST_DONE_FIRST = Comparator
            .comparing((Task task) -> task.done().orElseThrow().at(), Comparator.reverseOrder())
            .thenComparing(BY_ID);

    /** Copies {@code buckets} into enum order; a bucket missing from it is empty. */
    public Timeline {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(buckets, "buckets");
        Map<TimelineBucket, List<Task>> copy = new EnumMap<>(TimelineBucket.class);
        for (TimelineBucket bucket : TimelineBucket.values()) {
            copy.put(bucket, List.copyOf(buckets.getOrDefault(bucket, List.of())));
        }
        buckets = Collections.unmodifiableMap(copy);
    }

    /** The calendar date at {@code now} in {@code zone}. */
    public static LocalDate today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /**
     * The bucket of a task that is not done and is due on {@code dueOn}: {@code OVERDUE} before
     * today; {@code THIS_WEEK} from today up to and including the Sunday of today's week (weeks
     * run Monday to Sunday), so a task due today is never overdue; {@code THIS_MONTH} later in
     * today's calendar month; {@code LATER} otherwise. When this week runs into the next month,
     * its days are {@code THIS_WEEK} and the rest of that month is {@code LATER}.
     */
    public static TimelineBucket bucketOf(LocalDate dueOn, LocalDate today) {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(today, "today");
        if (dueOn.isBefore(today)) {
            return TimelineBucket.OVERDUE;
        }
        if (!dueOn.isAfter(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)))) {
            return TimelineBucket.THIS_WEEK;
        }
        return YearMonth.from(dueOn).equals(YearMonth.from(today)) ? TimelineBucket.THIS_MONTH : TimelineBucket.LATER;
    }

    /**
     * Arranges an event's tasks for {@code today} in {@code zone}, which should be
     * {@link #today(Instant, ZoneId) today(now, zone)}. A task not done goes to its
     * {@link #bucketOf due-date bucket}, or {@code UNDATED} without a due date. A done task goes to
     * {@code DONE} when completed, as a date in {@code zone}, within the {@value #RECENTLY_DONE_DAYS}
     * days ending today or after today (clock skew); a task done earlier is left out.
     *
     * @throws IllegalArgumentException when two tasks share an id
     */
    public static Timeline arrange(List<Task> tasks, LocalDate today, ZoneId zone) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(zone, "zone");
        List<Task> all = List.copyOf(tasks);
        requireDistinctIds(all);
        Map<TimelineBucket, List<Task>> buckets = new EnumMap<>(TimelineBucket.class);
        for (TimelineBucket bucket : TimelineBucket.values()) {
            buckets.put(bucket, new ArrayList<>());
        }
        for (Task task : all) {
            placeOf(task, today, zone).ifPresent(bucket -> buckets.get(bucket).add(task));
        }
        buckets.forEach((bucket, list) -> list.sort(orderWithin(bucket)));
        return new Timeline(today, zone, buckets);
    }

    /** The tasks in {@code bucket}, in display order. */
    public List<Task> tasksIn(TimelineBucket bucket) {
        return buckets.get(Objects.requireNonNull(bucket, "bucket"));
    }

    private static Optional<TimelineBucket> placeOf(Task task, LocalDate today, ZoneId zone) {
        Optional<Completion> done = task.done();
        if (done.isPresent()) {
            LocalDate doneOn = LocalDate.ofInstant(done.get().at(), zone);
            boolean recent = !doneOn.isBefore(today.minusDays(RECENTLY_DONE_DAYS - 1));
            return recent ? Optional.of(TimelineBucket.DONE) : Optional.empty();
        }
        return Optional.of(task.details().dueOn()
                .map(dueOn -> bucketOf(dueOn, today))
                .orElse(TimelineBucket.UNDATED));
    }

    private static Comparator<Task> orderWithin(TimelineBucket bucket) {
        return switch (bucket) {
            case UNDATED -> BY_TITLE;
            case DONE -> LATEST_DONE_FIRST;
            default -> BY_DUE;
        };
    }

    private static void requireDistinctIds(List<Task> tasks) {
        Set<TaskId> seen = new HashSet<>();
        for (Task task : tasks) {
            if (!seen.add(task.id())) {
                throw new IllegalArgumentException("task " + task.id() + " appears more than once");
            }
        }
    }
}
