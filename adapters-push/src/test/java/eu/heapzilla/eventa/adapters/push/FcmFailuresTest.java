package eu.heapzilla.eventa.adapters.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FcmFailuresTest {

    @Test
    void a_reason_is_one_short_line_without_a_bearer_token() {
        assertEquals("FCM answered 401 UNAUTHENTICATED: bad Bearer [redacted] here",
                FcmFailures.oneLine("FCM answered 401 UNAUTHENTICATED:\n  bad bearer ya29.a0AfH6SM-secret\there"));
        String long_ = FcmFailures.oneLine("x".repeat(1000));
        assertEquals(303, long_.length());
        assertTrue(long_.endsWith("..."));
    }
}
