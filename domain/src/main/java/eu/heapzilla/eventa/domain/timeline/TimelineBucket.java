package eu.heapzilla.eventa.domain.timeline;

import java.util.Locale;

/**
 * Where a task stands on the timeline. The first four hold tasks not done that have a due date,
 * from the most to the least urgent; see {@link Timeline#bucketOf}.
 */
public enum TimelineBucket {
    /** Due before today. */
    OVERDUE,
    /** Due from today up to and including this week's Sunday (weeks run Monday to Sunday). */
    THIS_WEEK,
    /** Due after this week, within today's calendar month. */
    THIS_MONTH,
    /** Due after this week and after this month. */
    LATER,
    /** Not done and without a due date. */
    UNDATED,
    /** Done recently; see {@link Timeline#RECENTLY_DONE_DAYS}. */
    DONE;

    /**
     * The name on the wire: {@code overdue}, {@code this_week}, {@code this_month}, {@code later},
     * {@code undated}, {@code done}.
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
