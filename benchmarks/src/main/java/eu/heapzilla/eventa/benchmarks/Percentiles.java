package eu.heapzilla.eventa.benchmarks;

import java.util.Arrays;

/**
 * Order statistics of a sample of whole numbers (microseconds, usually), by the nearest-rank
 * method: the p-th percentile is the smallest value with at least p % of the sample at or below it.
 */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy of the first {@code count} values. */
    static Percentiles of(long[] values, int count) {
        long[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    static Percentiles of(LongList values) {
        return of(values.array(), values.size());
    }

    /** The {@code p}-th percentile, 0 &lt; p ≤ 100; 0 for an empty sample. */
    long at(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long median() {
        return at(50);
    }

    long min() {
        return sorted.length == 0 ? 0 : sorted[0];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** Microseconds as milliseconds with one decimal, e.g. {@code 12.3}. */
    static String ms(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
