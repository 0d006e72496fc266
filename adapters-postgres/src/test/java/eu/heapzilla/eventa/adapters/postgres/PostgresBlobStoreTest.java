package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.heapzilla.eventa.ports.contract.BlobStoreContract;
import eu.heapzilla.eventa.ports.out.BlobStore;
import eu.heapzilla.eventa.ports.out.BlobStore.BlobId;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresBlobStoreTest extends BlobStoreContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @Override
    protected Transactions transactions() {
        return database.persistence().transactions();
    }

    @Override
    protected BlobStore blobStore() {
        return database.persistence().blobStore();
    }

    @Test
    void keepsABlobInNumberedChunksOfAQuarterMebibyte() throws IOException, SQLException {
        BlobId id = new BlobId(UUID.randomUUID());
        int chunk = PostgresBlobStore.CHUNK_SIZE;

        blobStore().put(id, new ByteArrayInputStream(new byte[4 * chunk + 1]));

        assertEquals(List.of(chunk, chunk, chunk, chunk, 1), chunkSizes(id));
        blobStore().delete(id);
        assertEquals(List.of(), chunkSizes(id), "deleting the blob deletes its chunks");
    }

    private static List<Integer> chunkSizes(BlobId id) throws SQLException {
        try (Connection c = database.persistence().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT n, octet_length(data) FROM blob_chunks WHERE blob_id = ? ORDER BY n")) {
            s.setObject(1, id.value());
            List<Integer> sizes = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    assertEquals(sizes.size(), r.getInt(1), "chunks are numbered 0, 1, 2, …");
                    sizes.add(r.getInt(2));
                }
            }
            return sizes;
        }
    }
}
