package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static void assertBetween(long lowMillis, long highMillis, Duration wait) {
        assertTrue(wait.toMillis() >= lowMillis && wait.toMillis() <= highMillis,
                wait.toMillis() + " ms is not within " + lowMillis + "…" + highMillis + " ms");
    }

    @Test
    void waitsDoubleUpToTheMostEachBetweenHalfItsCeilingAndTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        long[] ceilings = {100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000};
        for (long ceiling : ceilings) {
            assertBetween(ceiling / 2, ceiling, backoff.next());
        }
    }

    @Test
    void startsOverAfterAReset() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            backoff.next();
        }

        backoff.reset();

        assertBetween(50, 100, backoff.next());
    }

    @Test
    void refusesAFirstWaitOfNothingOrLongerThanTheMost() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(6), Duration.ofSeconds(5)));
    }
}
