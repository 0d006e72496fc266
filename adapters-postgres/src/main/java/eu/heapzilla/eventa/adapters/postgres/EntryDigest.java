package eu.heapzilla.eventa.adapters.postgres;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 and the length of the bytes that pass through a stream it wraps, as a backup
 * records them for each entry and a restore checks them. Closing an output wrapper leaves the
 * wrapped stream open: it is the zip's, which goes on with the next entry.
 */
final class EntryDigest {

    private final MessageDigest digest;
    private long bytes;

    EntryDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    long bytes() {
        return bytes;
    }

    OutputStream writingTo(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                digest.update((byte) b);
                bytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                digest.update(b, off, len);
                bytes += len;
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    InputStream readingFrom(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    digest.update((byte) b);
                    bytes++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int read = in.read(b, off, len);
                if (read > 0) {
                    digest.update(b, off, read);
                    bytes += read;
                }
                return read;
            }

            @Override
            public long skip(long n) throws IOException {
                return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }
}
