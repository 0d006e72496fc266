package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The server's metrics, in one Prometheus registry that {@code GET /metrics} serves: the JVM's
 * (memory, garbage collection, threads, classes, processor, uptime), every HTTP request by
 * method, route template and status, and the live endpoint's connections, subscriptions and
 * fan-out latency. The runner binds what lives outside this module: the outbox
 * ({@link #bindOutbox}) and the database pool (hand {@link #registry()} to the persistence).
 * One per process; {@link #close()} it at shutdown.
 */
public final class PrometheusMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final RequestMetrics requests;
    private final Timer fanOutLatency;

    public PrometheusMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        requests = new RequestMetrics(registry);
        fanOutLatency = Timer.builder("eventa.live.fanout.latency")
                .description("From a change's commit to its frame queued for one live connection (replays not counted)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** The registry itself, for binders that live elsewhere (the database pool takes it as an {@code Object}). */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Gauges of the outbox: pending items, those retrying after a failure, dead letters, and how
     * long the oldest pending one has waited. Read from the database at most once per
     * {@link OutboxGauges#FRESH_FOR}; while it cannot be read they show NaN.
     */
    public void bindOutbox(DeliverOutbox outbox) {
        new OutboxGauges(outbox::counts, System::nanoTime).bindTo(registry);
    }

    /** The live endpoint's open connections and subscriptions. */
    void bindLive(LiveEndpoint live) {
        Gauge.builder("eventa.live.connections", live, LiveEndpoint::connections)
                .description("Open live (WebSocket) connections with a valid bearer")
                .strongReference(true)
                .register(registry);
        Gauge.builder("eventa.live.subscriptions", live, LiveEndpoint::subscriptions)
                .description("Events followed live, over all open connections")
                .strongReference(true)
                .register(registry);
    }

    Timer fanOutLatency() {
        return fanOutLatency;
    }

    /** Counts and times one finished request (Javalin's request logger calls this). */
    void request(Context ctx, Float millis) {
        requests.record(ctx, millis);
    }

    /** Everything, in the exposition format of {@code contentType}. */
    String scrape(String contentType) {
        return registry.scrape(contentType);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
