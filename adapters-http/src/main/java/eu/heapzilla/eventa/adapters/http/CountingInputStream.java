package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.TooLarge;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that refuses to yield more than {@code limit} bytes: reading past it throws
 * {@link TooLarge} (answered 413), so whoever consumes the stream — the blob store, inside the
 * write transaction — stops and nothing is kept. The multipart parser already refuses larger
 * parts; this is the second guard, for whatever slips past the first.
 */
final class CountingInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    CountingInputStream(InputStream in, long limit) {
        super(in);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
    }

    /** How many bytes have been read so far. */
    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    /** No mark and reset: a reset would make the count lie. Buffer above this stream instead. */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // not supported, see markSupported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark and reset are not supported");
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new TooLarge("a file grew larger than " + limit + " bytes while it was read", limit);
        }
    }
}
