package eu.heapzilla.eventa.benchmarks;

import java.util.Arrays;

/** A growable array of primitive longs: a recorder that does not box millions of samples. Not thread-safe. */
final class LongList {

    private long[] values;
    private int size;

    LongList(int capacity) {
        values = new long[Math.max(4, capacity)];
    }

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }

    int size() {
        return size;
    }

    /** The backing array; only the first {@link #size()} values count. */
    long[] array() {
        return values;
    }

    void clear() {
        size = 0;
    }
}
