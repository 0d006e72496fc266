package eu.heapzilla.eventa.adapters.postgres;

import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.BLOBS;
import static eu.heapzilla.eventa.adapters.postgres.jooq.Tables.BLOB_CHUNKS;

import eu.heapzilla.eventa.ports.out.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Blobs in the database (so that one {@code pg_dump} is a whole backup), as numbered chunks of
 * {@link #CHUNK_SIZE} bytes: a blob is written and read one chunk per statement, so no more than
 * one chunk is ever in memory. A put runs in the caller's transaction when there is one and in
 * a transaction of its own otherwise, so a blob is never seen half written; readers only see
 * blobs whose digest has been set, which happens last.
 */
final class PostgresBlobStore implements BlobStore {

    static final int CHUNK_SIZE = 256 * 1024;

    private final JooqTransactions transactions;

    PostgresBlobStore(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public StoredBlob put(BlobId id, InputStream content) throws IOException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        try {
            return transactions.inTransaction(() -> write(id, content));
        } catch (ReadFailure failure) {
            throw failure.getCause();
        }
    }

    private StoredBlob write(BlobId id, InputStream content) {
        DSLContext dsl = transactions.dsl();
        int inserted = dsl.insertInto(BLOBS).set(BLOBS.ID, id.value()).onConflictDoNothing().execute();
        if (inserted == 0) {
            throw new IllegalStateException("a blob with id " + id.value() + " exists");
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[CHUNK_SIZE];
        long size = 0;
        for (int n = 0; ; n++) {
            int read = fill(id, content, buffer);
            if (read == 0) {
                break;
            }
            digest.update(buffer, 0, read);
            dsl.insertInto(BLOB_CHUNKS)
                    .set(BLOB_CHUNKS.BLOB_ID, id.value())
                    .set(BLOB_CHUNKS.N, n)
                    .set(BLOB_CHUNKS.DATA, read == buffer.length ? buffer : Arrays.copyOf(buffer, read))
                    .execute();
            size += read;
            if (read < buffer.length) {
                break; // fill reads less than a whole chunk only at the end of the stream
            }
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        dsl.update(BLOBS).set(BLOBS.SIZE_BYTES, size).set(BLOBS.SHA256, sha256).where(BLOBS.ID.eq(id.value())).execute();
        return new StoredBlob(id, size, sha256);
    }

    /**
     * Fills {@code buffer} from {@code content}, whatever sizes of pieces it yields, and returns
     * how many bytes it holds: less than the buffer only at the end of the stream. When reading
     * fails, the blob begun so far is deleted before the failure propagates, so that nothing is
     * stored even when the caller's transaction goes on.
     */
    private int fill(BlobId id, InputStream content, byte[] buffer) {
        try {
            int filled = 0;
            while (filled < buffer.length) {
                int read = content.read(buffer, filled, buffer.length - filled);
                if (read < 0) {
                    break;
                }
                filled += read;
            }
            return filled;
        } catch (IOException | RuntimeException e) {
            delete(id);
            throw e instanceof IOException io ? new ReadFailure(io) : (RuntimeException) e;
        }
    }

    @Override
    public boolean copyTo(BlobId id, OutputStream out) throws IOException {
        DSLContext dsl = transactions.dsl();
        Long size = dsl.select(BLOBS.SIZE_BYTES).from(BLOBS)
                .where(BLOBS.ID.eq(id.value()), BLOBS.SHA256.isNotNull())
                .fetchOne(BLOBS.SIZE_BYTES);
        if (size == null) {
            return false;
        }
        long written = 0;
        for (int n = 0; written < size; n++) {
            byte[] chunk = dsl.select(BLOB_CHUNKS.DATA).from(BLOB_CHUNKS)
                    .where(BLOB_CHUNKS.BLOB_ID.eq(id.value()), BLOB_CHUNKS.N.eq(n))
                    .fetchOne(BLOB_CHUNKS.DATA);
            if (chunk == null) {
                throw new IOException("blob " + id.value() + " was deleted while it was being read");
            }
            out.write(chunk);
            written += chunk.length;
        }
        return true;
    }

    @Override
    public boolean delete(BlobId id) {
        return transactions.dsl().deleteFrom(BLOBS).where(BLOBS.ID.eq(id.value())).execute() > 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Carries an {@link IOException} of the content stream out of the transaction's work. */
    private static final class ReadFailure extends RuntimeException {

        ReadFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
