package eu.heapzilla.eventa.client.sync

import kotlin.random.Random
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Full-jitter exponential backoff: within its ceiling, growing, capped, and back to the start after a reset. */
class BackoffTest {

    @Test
    fun everyDelayStaysBetweenZeroAndItsCeiling() {
        val backoff = Backoff(random = Random(7))
        repeat(200) {
            backoff.reset()
            for (n in 0 until 12) {
                val ceiling = minOf(30.seconds, 500.milliseconds * (1 shl n))
                val delay = backoff.next()
                assertTrue(delay >= Duration.ZERO && delay <= ceiling, "attempt $n: $delay not within [0, $ceiling]")
            }
        }
    }

    @Test
    fun delaysGrowWithTheAttemptsUpToTheCap() {
        val backoff = Backoff(random = Random(11))
        val sums = LongArray(10)
        repeat(500) {
            backoff.reset()
            for (n in sums.indices) sums[n] += backoff.next().inWholeMilliseconds
        }
        val means = sums.map { it / 500 }
        // Full jitter: the mean is half the ceiling (250, 500, 1000, … ms, then 15 s at the 30 s cap).
        for (n in 1 until 7) assertTrue(means[n] > means[n - 1], "means $means do not grow")
        assertTrue(means[0] in 200..300, "means $means")
        assertTrue(means[9] in 13_000..17_000, "means $means")
        assertEquals(30.seconds, backoff.ceiling(20))
    }

    @Test
    fun resetStartsFromTheBaseAgain() {
        val backoff = Backoff(base = 100.milliseconds, cap = 10.seconds, random = Random(3))
        repeat(10) { backoff.next() }
        backoff.reset()
        repeat(100) {
            assertTrue(backoff.next() <= 100.milliseconds)
            backoff.reset()
        }
    }

    @Test
    fun theSameSeedGivesTheSameDelays() {
        val first = Backoff(random = Random(5)).let { b -> List(8) { b.next() } }
        val second = Backoff(random = Random(5)).let { b -> List(8) { b.next() } }
        assertEquals(first, second)
    }
}
