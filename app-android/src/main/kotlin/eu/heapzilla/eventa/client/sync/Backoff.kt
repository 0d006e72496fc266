package eu.heapzilla.eventa.client.sync

import kotlin.math.min
import kotlin.random.Random
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/**
 * How long to wait before the next reconnect: exponential backoff with full jitter, a random
 * delay between zero and `min(cap, base * factor^n)` for the n-th attempt since the last [reset],
 * so that many clients coming back after an outage do not all knock at once.
 */
class Backoff(
    private val base: Duration = 500.milliseconds,
    private val factor: Double = 2.0,
    private val cap: Duration = 30.seconds,
    private val random: Random = Random.Default,
) {
    private var attempt = 0

    /** The largest delay the [attempt]-th call of [next] may give. */
    fun ceiling(attempt: Int): Duration =
        min(cap.inWholeMilliseconds.toDouble(), base.inWholeMilliseconds * Math.pow(factor, attempt.toDouble())).toLong().milliseconds

    @Synchronized
    fun next(): Duration {
        val ceiling = ceiling(attempt)
        if (ceiling < cap) attempt++
        return random.nextLong(ceiling.inWholeMilliseconds + 1).milliseconds
    }

    /** A connection held: the next failure starts from [base] again. */
    @Synchronized
    fun reset() {
        attempt = 0
    }
}
