package eu.heapzilla.eventa.adapters.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Every request handled by Javalin, timed in a histogram by method, route template and status.
 * The route is the template the request matched ({@link RequestLog#matchedRoute}), never the
 * path: paths carry ids and tokens, and each distinct value would be a series of its own.
 */
final class RequestMetrics {

    /** The route of a request that matched none. */
    static final String UNMATCHED = "unmatched";

    private final Meter.MeterProvider<Timer> timers;

    RequestMetrics(MeterRegistry registry) {
        this.timers = Timer.builder("eventa.http.requests")
                .description("HTTP requests by method, route template and status")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .withRegistry(registry);
    }

    void record(Context ctx, Float millis) {
        timers.withTags("method", ctx.method().name(),
                        "route", RequestLog.matchedRoute(ctx).orElse(UNMATCHED),
                        "status", Integer.toString(ctx.statusCode()))
                .record(Math.round(millis * 1_000_000.0), TimeUnit.NANOSECONDS);
    }
}
