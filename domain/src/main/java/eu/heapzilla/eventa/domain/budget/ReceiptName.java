package eu.heapzilla.eventa.domain.budget;

import java.util.Objects;

/**
 * The name a receipt is shown and downloaded under: the uploader's file name without any
 * directory part, control characters or quotes, at most {@link #MAX_LENGTH} characters; when
 * nothing usable is left, {@code receipt.<extension>}.
 */
public record ReceiptName(String value) {

    public static final int MAX_LENGTH = 200;

    public ReceiptName {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || !value.equals(clean(value)) || value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("not a clean receipt name: " + value);
        }
    }

    /** A safe name from what the uploader sent, which may be anything or nothing. */
    public static ReceiptName of(String uploaded, ReceiptType type) {
        String name = uploaded == null ? "" : uploaded;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = clean(name);
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        if (name.isBlank() || name.equals(".") || name.equals("..")) {
            name = "receipt." + type.extension();
        }
        return new ReceiptName(name);
    }

    private static String clean(String name) {
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != '"' && c != '/' && c != '\\'
                        && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    @Override
    public String toString() {
        return value;
    }
}
