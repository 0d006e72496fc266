package eu.heapzilla.eventa.ports.out;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Bytes too big for a row, such as receipt files, streamed in and out without ever being held
 * whole in memory. Inside a transaction a write is part of it: when the transaction fails, the
 * blob is not kept.
 */
public interface BlobStore {

    /**
     * Stores everything {@code content} yields under {@code id}. An exception thrown while
     * reading {@code content} (for instance because it grew too large) propagates and stores
     * nothing.
     *
     * @throws IllegalStateException when a blob with that id exists
     */
    StoredBlob put(BlobId id, InputStream content) throws IOException;

    /** Writes the blob's bytes to {@code out}; returns false, writing nothing, when there is no such blob. */
    boolean copyTo(BlobId id, OutputStream out) throws IOException;

    /** Removes the blob; returns whether there was one. */
    boolean delete(BlobId id);

    /** Identity of a blob. */
    record BlobId(UUID value) {

        public BlobId {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A blob as stored: its size and the SHA-256 of its bytes as 64 lower-case hex digits. */
    record StoredBlob(BlobId id, long sizeBytes, String sha256) {

        public StoredBlob {
            Objects.requireNonNull(id, "id");
            HexFormat.of().parseHex(Objects.requireNonNull(sha256, "sha256"));
        }
    }
}
