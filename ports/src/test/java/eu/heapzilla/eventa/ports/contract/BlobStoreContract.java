package eu.heapzilla.eventa.ports.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.ports.out.BlobStore;
import eu.heapzilla.eventa.ports.out.BlobStore.BlobId;
import eu.heapzilla.eventa.ports.out.BlobStore.StoredBlob;
import eu.heapzilla.eventa.ports.out.Transactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link BlobStore} implementation must do. */
public abstract class BlobStoreContract {

    private static final int MIB = 1024 * 1024;
    private static final String SHA256_OF_NOTHING = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    protected abstract Transactions transactions();

    protected abstract BlobStore blobStore();

    private static BlobId newId() {
        return new BlobId(UUID.randomUUID());
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredBlob put(BlobId id, byte[] bytes) {
        try {
            return blobStore().put(id, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blob's bytes, or null when {@link BlobStore#copyTo} says there is no such blob. */
    private byte[] read(BlobId id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            return blobStore().copyTo(id, out) ? out.toByteArray() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Yields {@code good} bytes, then fails with {@code failure} instead of ending. */
    private static InputStream failingAfter(byte[] good, RuntimeException failure) {
        return new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                if (next == good.length) {
                    throw failure;
                }
                return good[next++] & 0xff;
            }
        };
    }

    private static InputStream failingAfter(byte[] good, IOException failure) {
        return new InputStream() {
            private final ByteArrayInputStream delegate = new ByteArrayInputStream(good);

            @Override
            public int read() throws IOException {
                int b = delegate.read();
                if (b < 0) {
                    throw failure;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = delegate.read(buffer, offset, length);
                if (read < 0) {
                    throw failure;
                }
                return read;
            }
        };
    }

    @Test
    void storesAndReadsBackABlobOfOneMebibyteAndOneByte() {
        byte[] bytes = randomBytes(MIB + 1, 1);
        BlobId id = newId();

        StoredBlob stored = put(id, bytes);

        assertEquals(new StoredBlob(id, MIB + 1, sha256(bytes)), stored);
        assertArrayEquals(bytes, read(id));
    }

    @Test
    void storesAnEmptyBlob() {
        BlobId id = newId();

        StoredBlob stored = put(id, new byte[0]);

        assertEquals(new StoredBlob(id, 0, SHA256_OF_NOTHING), stored);
        assertArrayEquals(new byte[0], read(id));
        assertTrue(blobStore().delete(id));
    }

    @Test
    void storesBlobsOfEverySizeAroundAQuarterMebibyte() {
        for (int size : new int[] {1, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 512 * 1024, 3 * MIB - 1}) {
            byte[] bytes = randomBytes(size, size);
            BlobId id = newId();
            StoredBlob stored = put(id, bytes);
            assertEquals(new StoredBlob(id, size, sha256(bytes)), stored, "size " + size);
            assertArrayEquals(bytes, read(id), "size " + size);
        }
    }

    @Test
    void readsAStreamThatYieldsOnlyAFewBytesAtATime() throws IOException {
        byte[] bytes = randomBytes(300_000, 7);
        ByteArrayInputStream source = new ByteArrayInputStream(bytes);
        InputStream trickle = new InputStream() {
            @Override
            public int read() {
                return source.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return source.read(buffer, offset, Math.min(length, 1_000));
            }
        };
        BlobId id = newId();

        StoredBlob stored = blobStore().put(id, trickle);

        assertEquals(new StoredBlob(id, bytes.length, sha256(bytes)), stored);
        assertArrayEquals(bytes, read(id));
    }

    @Test
    void keepsTwoBlobsApart() {
        byte[] first = randomBytes(600 * 1024, 11);
        byte[] second = randomBytes(600 * 1024 + 3, 12);
        BlobId firstId = newId();
        BlobId secondId = newId();

        put(firstId, first);
        put(secondId, second);

        assertArrayEquals(first, read(firstId));
        assertArrayEquals(second, read(secondId));
        assertTrue(blobStore().delete(firstId));
        assertArrayEquals(second, read(secondId));
    }

    @Test
    void copiesNothingOfABlobThatDoesNotExist() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertFalse(blobStore().copyTo(newId(), out));

        assertEquals(0, out.size());
    }

    @Test
    void deletesABlobAndSaysWhetherThereWasOne() {
        BlobId id = newId();
        put(id, randomBytes(300 * 1024, 3));

        assertTrue(blobStore().delete(id));
        assertFalse(blobStore().delete(id));
        assertFalse(blobStore().delete(newId()));

        assertEquals(null, read(id));
    }

    @Test
    void refusesASecondBlobWithTheSameIdAndKeepsTheFirst() {
        BlobId id = newId();
        byte[] first = randomBytes(1000, 4);
        put(id, first);

        assertThrows(IllegalStateException.class, () -> blobStore().put(id, new ByteArrayInputStream(randomBytes(10, 5))));

        assertArrayEquals(first, read(id));
    }

    @Test
    void aRefusedDuplicateLeavesTheTransactionUsable() {
        BlobId id = newId();
        put(id, randomBytes(10, 6));
        BlobId next = newId();
        byte[] nextBytes = randomBytes(20, 7);

        transactions().run(() -> {
            assertThrows(IllegalStateException.class, () -> blobStore().put(id, new ByteArrayInputStream(new byte[3])));
            put(next, nextBytes);
        });

        assertArrayEquals(nextBytes, read(next));
    }

    @Test
    void aStreamThatFailsMidwayStoresNothingAndItsFailurePropagates() {
        BlobId id = newId();
        IOException failure = new IOException("the upload broke off");

        IOException thrown = assertThrows(IOException.class,
                () -> blobStore().put(id, failingAfter(randomBytes(600 * 1024, 8), failure)));

        assertSame(failure, thrown);
        assertEquals(null, read(id));
        assertFalse(blobStore().delete(id));
    }

    @Test
    void aStreamThatRefusesToGoOnStoresNothingAndItsExceptionPropagates() {
        BlobId id = newId();
        IllegalArgumentException tooLarge = new IllegalArgumentException("too large");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> blobStore().put(id, failingAfter(randomBytes(300 * 1024, 9), tooLarge)));

        assertSame(tooLarge, thrown);
        assertEquals(null, read(id));
    }

    @Test
    void aStreamThatFailsMidwayInsideATransactionLeavesNothingAfterTheRollback() {
        BlobId before = newId();
        BlobId failing = newId();
        UncheckedIOException rollback = assertThrows(UncheckedIOException.class, () -> transactions().run(() -> {
            put(before, randomBytes(300 * 1024, 10));
            try {
                blobStore().put(failing, failingAfter(randomBytes(700 * 1024, 11), new IOException("broke off")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));

        assertEquals("broke off", rollback.getCause().getMessage());
        assertEquals(null, read(failing));
        assertEquals(null, read(before), "the blob put earlier in the transaction went with it");
        assertFalse(blobStore().delete(before));
    }

    @Test
    void aStreamThatFailsInsideATransactionStoresNothingEvenWhenTheTransactionGoesOn() {
        BlobId failing = newId();
        BlobId after = newId();
        byte[] afterBytes = randomBytes(1000, 12);

        transactions().run(() -> {
            assertThrows(IOException.class,
                    () -> blobStore().put(failing, failingAfter(randomBytes(700 * 1024, 13), new IOException("broke off"))));
            put(after, afterBytes);
        });

        assertEquals(null, read(failing));
        assertArrayEquals(afterBytes, read(after));
        assertFalse(blobStore().delete(failing), "nothing of the failed blob is left to delete");
        byte[] again = randomBytes(10, 14);
        put(failing, again);
        assertArrayEquals(again, read(failing), "its id is free to use again");
    }

    @Test
    void aBlobPutInARolledBackTransactionIsNotKeptAndADeleteIsUndone() {
        BlobId kept = newId();
        byte[] keptBytes = randomBytes(400 * 1024, 14);
        put(kept, keptBytes);
        BlobId added = newId();

        assertThrows(IllegalStateException.class, () -> transactions().run(() -> {
            put(added, randomBytes(400 * 1024, 15));
            assertTrue(blobStore().delete(kept));
            throw new IllegalStateException("the work fails");
        }));

        assertEquals(null, read(added));
        assertArrayEquals(keptBytes, read(kept));
    }

    @Test
    void aBlobPutInsideATransactionCanBeReadInsideIt() {
        BlobId id = newId();
        byte[] bytes = randomBytes(300 * 1024, 16);

        byte[] readInside = transactions().inTransaction(() -> {
            put(id, bytes);
            return read(id);
        });

        assertArrayEquals(bytes, readInside);
        assertArrayEquals(bytes, read(id));
    }
}
