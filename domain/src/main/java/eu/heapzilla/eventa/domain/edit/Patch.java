package eu.heapzilla.eventa.domain.edit;

import java.util.Objects;

/**
 * One field of a partial update: either left as it is, or set to a value. A field that can
 * be cleared is a {@code Patch<Optional<T>>}, so "set to nothing" and "not mentioned" differ.
 */
public final class Patch<T> {

    private static final Patch<?> KEEP = new Patch<>(null, false);

    private final T value;
    private final boolean present;

    private Patch(T value, boolean present) {
        this.value = value;
        this.present = present;
    }

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> keep() {
        return (Patch<T>) KEEP;
    }

    public static <T> Patch<T> set(T value) {
        return new Patch<>(Objects.requireNonNull(value, "value"), true);
    }

    public boolean isSet() {
        return present;
    }

    /** The new value, or {@code current} when the field is kept. */
    public T applyTo(T current) {
        return present ? value : current;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Patch<?> patch && patch.present == present && Objects.equals(patch.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, present);
    }

    @Override
    public String toString() {
        return present ? "set(" + value + ")" : "keep";
    }
}
