package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.ports.out.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@link BlobStore} with the bytes in a map, taking part in transactions like the other
 * stores: a blob put inside a transaction that fails is not kept. The stream is read whole
 * before anything is stored, so a stream that fails stores nothing.
 */
public final class InMemoryBlobStore extends InMemoryTable<BlobStore.BlobId, byte[]> implements BlobStore {

    public InMemoryBlobStore(InMemoryTransactions transactions) {
        super(transactions);
    }

    @Override
    public StoredBlob put(BlobId id, InputStream content) throws IOException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        if (transactions.inTransaction(() -> rows.containsKey(id))) {
            throw new IllegalStateException("a blob with id " + id.value() + " exists");
        }
        byte[] bytes = content.readAllBytes();
        insert(id, bytes);
        return new StoredBlob(id, bytes.length, sha256(bytes));
    }

    @Override
    public boolean copyTo(BlobId id, OutputStream out) throws IOException {
        byte[] bytes = transactions.inTransaction(() -> rows.get(id));
        if (bytes == null) {
            return false;
        }
        out.write(bytes);
        return true;
    }

    @Override
    public boolean delete(BlobId id) {
        return transactions.inTransaction(() -> rows.remove(id) != null);
    }

    /** How many blobs are stored, for tests that check nothing was left behind. */
    public int size() {
        return transactions.inTransaction(() -> rows.size());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
