package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ByteRange} and {@link RangeOutputStream} on their own, at every edge RFC 9110 §14 names. */
class ByteRangeTest {

    private static final String ETAG = "\"abc\"";

    @ParameterizedTest
    @CsvSource({
        "bytes=0-99, 0, 99",
        "bytes=0-0, 0, 0",
        "bytes=100-, 100, 999",
        "bytes=990-5000, 990, 999",
        "bytes=-1, 999, 999",
        "bytes=-100, 900, 999",
        "bytes=-5000, 0, 999",
        "BYTES=5-9, 5, 9",
        "bytes= 5-9 , 5, 9",
        "bytes=999-999, 999, 999",
        "bytes=0-99999999999999999999999, 0, 999"})
    void oneRangeIsClippedToTheFile(String header, long first, long last) {
        assertEquals(Optional.of(new ByteRange(first, last)), ByteRange.requested(header, null, ETAG, 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=99999999999999999999999-"})
    void aRangeStartingBeyondTheEndIsUnsatisfiable(String header) {
        assertTrue(ByteRange.requested(header, null, ETAG, 1000).orElseThrow().unsatisfiable(), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes=", "bytes=-", "bytes=abc", "bytes=5-1", "bytes=0-1,5-6", "lines=0-5", "bytes=+1-2",
            "bytes=1-2-3", "bytes 0-5", "bytes=0x10-"})
    void whatTheServerMayIgnoreGetsTheWholeFile(String header) {
        assertEquals(Optional.empty(), ByteRange.requested(header, null, ETAG, 1000), header);
    }

    @Test
    void ifRangeMustNameTheFileAsItIsNow() {
        assertEquals(Optional.of(new ByteRange(5, 999)), ByteRange.requested("bytes=5-", ETAG, ETAG, 1000));
        assertEquals(Optional.empty(), ByteRange.requested("bytes=5-", "\"other\"", ETAG, 1000));
        assertEquals(Optional.empty(), ByteRange.requested("bytes=5-", "Tue, 08 Dec 2026 00:00:00 GMT", ETAG, 1000));
        assertEquals(Optional.empty(), ByteRange.requested(null, ETAG, ETAG, 1000));
    }

    @Test
    void anEmptyFileHasNoSatisfiableRange() {
        assertTrue(ByteRange.requested("bytes=0-", null, ETAG, 0).orElseThrow().unsatisfiable());
        assertTrue(ByteRange.requested("bytes=-5", null, ETAG, 0).orElseThrow().unsatisfiable());
    }

    @Test
    void theStreamPassesOnExactlyTheRangeWhateverTheWritesLookLike() throws IOException {
        byte[] file = new byte[1000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) i;
        }
        ByteRange range = new ByteRange(123, 456);
        for (int chunk : new int[] {1, 7, 123, 124, 333, 1000}) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (RangeOutputStream out = new RangeOutputStream(sink, range)) {
                for (int at = 0; at < file.length; at += chunk) {
                    if (chunk == 1) {
                        out.write(file[at]);
                    } else {
                        out.write(file, at, Math.min(chunk, file.length - at));
                    }
                }
            }
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(file, 123, 457)),
                    java.util.Arrays.toString(sink.toByteArray()), "chunks of " + chunk);
        }
        assertEquals("bytes 123-456/1000", range.contentRange(1000));
        assertEquals(334, range.length());
    }
}
