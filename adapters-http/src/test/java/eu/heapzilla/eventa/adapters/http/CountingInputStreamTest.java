package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.domain.error.TooLarge;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The second size guard of uploads: a stream that stops one byte past its limit, however it is read. */
class CountingInputStreamTest {

    private static InputStream bytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) i;
        }
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void exactlyTheLimitIsReadInFull() throws IOException {
        CountingInputStream in = new CountingInputStream(bytes(100), 100);
        byte[] read = in.readAllBytes();
        assertEquals(100, read.length);
        assertEquals(100, in.count());
        assertArrayEquals(bytes(100).readAllBytes(), read);
    }

    @Test
    void oneByteMoreStopsTheReaderWithTooLargeNamingTheLimit() {
        TooLarge tooLarge = assertThrows(TooLarge.class, () -> new CountingInputStream(bytes(101), 100).readAllBytes());
        assertEquals(100L, tooLarge.info().get("limit_bytes"));
        assertThrows(TooLarge.class, () -> {
            CountingInputStream in = new CountingInputStream(bytes(101), 100);
            for (int i = 0; i < 101; i++) {
                in.read();
            }
        });
        assertThrows(TooLarge.class, () -> {
            CountingInputStream in = new CountingInputStream(bytes(101), 100);
            in.skip(60);
            in.readNBytes(new byte[60], 0, 60);
        });
    }

    @Test
    void itCannotBeRewoundPastItsCount() {
        CountingInputStream in = new CountingInputStream(bytes(10), 10);
        assertFalse(in.markSupported());
        in.mark(10);
        assertThrows(IOException.class, in::reset);
    }
}
