package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RequestTarget}'s rule on its own: every {@code %} starts an escape of two hex digits. */
class RequestTargetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/v1/events | true", "/a%20b | true", "/a%2F%2f | true", "| true",
            "/a%u0041 | false", "/a% | false", "/a%4 | false", "/a%g0 | false", "x=%zz | false", "%%41 | false",
            "/%C3%A9 | true", "/a%4%41 | false"})
    void percentEncodingIsWellFormedOnlyWithTwoHexDigitsAfterEachPercent(String target, boolean wellFormed) {
        assertEquals(wellFormed, RequestTarget.wellFormed(target), target);
    }
}
