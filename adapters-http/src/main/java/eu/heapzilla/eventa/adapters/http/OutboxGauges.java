package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.ports.out.OutboxCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's counts as gauges. Counting queries the database, so one reading serves every
 * gauge for {@link #FRESH_FOR}, however often Prometheus scrapes. A reading that fails (the
 * database is away) makes the gauges NaN until the next one succeeds: a stale number would look
 * like a steady queue, and /metrics itself keeps answering.
 */
final class OutboxGauges {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

    private final Supplier<OutboxCounts> source;
    private final LongSupplier nanoTime;
    private Optional<OutboxCounts> last = Optional.empty();
    private long readAt;
    private boolean everRead;

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} */
    OutboxGauges(Supplier<OutboxCounts> source, LongSupplier nanoTime) {
        this.source = source;
        this.nanoTime = nanoTime;
    }

    void bindTo(MeterRegistry registry) {
        gauge(registry, "eventa.outbox.pending", "Outbox items waiting to be delivered", OutboxCounts::pending);
        gauge(registry, "eventa.outbox.retrying", "Pending outbox items that failed at least once", OutboxCounts::retrying);
        gauge(registry, "eventa.outbox.dead", "Outbox items given up on (dead letters)", OutboxCounts::dead);
        Gauge.builder("eventa.outbox.oldest.pending.age", this, gauges -> gauges.value(OutboxGauges::oldestPendingSeconds))
                .description("How long the oldest pending outbox item has waited; 0 when none waits")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<OutboxCounts> value) {
        Gauge.builder(name, this, gauges -> gauges.value(value))
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    /** One number from the current reading, or NaN when the outbox cannot be read. */
    double value(ToDoubleFunction<OutboxCounts> value) {
        return counts().map(value::applyAsDouble).orElse(Double.NaN);
    }

    private synchronized Optional<OutboxCounts> counts() {
        long now = nanoTime.getAsLong();
        if (!everRead || now - readAt >= FRESH_FOR.toNanos()) {
            everRead = true;
            readAt = now;
            try {
                last = Optional.of(source.get());
            } catch (RuntimeException e) {
                last = Optional.empty();
                log.warn("the outbox could not be counted for the metrics: {}", e.toString());
            }
        }
        return last;
    }

    private static double oldestPendingSeconds(OutboxCounts counts) {
        return counts.oldestPending()
                .map(since -> Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
