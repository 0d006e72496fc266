package eu.heapzilla.eventa.adapters.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes on only the bytes of one {@link ByteRange} of what is written through it, and drops the rest. */
final class RangeOutputStream extends FilterOutputStream {

    private final long first;
    private final long end;
    private long position;

    RangeOutputStream(OutputStream out, ByteRange range) {
        super(out);
        this.first = range.first();
        this.end = range.last() + 1;
    }

    @Override
    public void write(int b) throws IOException {
        if (position >= first && position < end) {
            out.write(b);
        }
        position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        long from = Math.max(position, first);
        long to = Math.min(position + length, end);
        if (from < to) {
            out.write(bytes, offset + (int) (from - position), (int) (to - from));
        }
        position += length;
    }

    /** Leaves the response's stream open: the server completes the response. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
