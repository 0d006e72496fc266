package eu.heapzilla.eventa.adapters.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes of a file of known size, from a request's {@code Range} header (RFC 9110
 * §14.2): {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}. What the
 * server may ignore it ignores, sending the whole file: a header it cannot read, a unit other
 * than bytes, several ranges at once, or an {@code If-Range} that no longer names the file.
 * A range that starts beyond the end is {@linkplain #unsatisfiable() unsatisfiable} (416).
 *
 * @param first the first byte's offset
 * @param last  the last byte's offset, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=[ \\t]*(\\d*)-(\\d*)[ \\t]*", Pattern.CASE_INSENSITIVE);
    private static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /** What a request asks of a file of {@code size} bytes whose strong ETag is {@code etag}; empty for all of it. */
    static Optional<ByteRange> requested(String range, String ifRange, String etag, long size) {
        if (range == null || (ifRange != null && !ifRange.strip().equals(etag))) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(range);
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = number(matcher.group(2));
            return Optional.of(suffix == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = number(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? Long.MAX_VALUE : number(matcher.group(2));
        if (last < first) {
            return Optional.empty();
        }
        return Optional.of(first >= size ? UNSATISFIABLE : new ByteRange(first, Math.min(last, size - 1)));
    }

    /** Whether no byte of the file is in the range: the answer is 416 with {@code Content-Range: bytes *}{@code /size}. */
    boolean unsatisfiable() {
        return this == UNSATISFIABLE;
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} of a 206 answer. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** Digits beyond what a long holds name an offset past any file. */
    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
