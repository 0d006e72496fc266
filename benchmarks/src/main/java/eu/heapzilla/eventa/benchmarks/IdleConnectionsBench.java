package eu.heapzilla.eventa.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 2: many idle connections. Opens {@code n} authenticated WebSocket connections (a
 * bounded number of handshakes at a time), each subscribed to one event, holds them idle, and
 * measures what the server holds and what they cost it: resident memory of its JVM
 * ({@code VmRSS}) and heap in use after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}),
 * each against the same server just before. Then one change is written and its delivery to
 * every idle subscriber timed (the fan-out), and the connections are closed and the server
 * measured once more, to see that it gives the memory back.
 */
final class IdleConnectionsBench {

    /** The server's footprint at one moment. */
    record Footprint(long rssKib, long heapKib, long threads) {

        static Footprint of(ServerProcess server) throws Exception {
            long heap = server.heapAfterFullGcKib();
            return new Footprint(server.rssKib(), heap, server.threads());
        }
    }

    /** The figures. */
    record Result(int asked, int held, int failed, Map<String, Integer> failures, Duration opening, int stillOpen,
                  int holdSeconds, Footprint before, Footprint held0, Footprint afterClose, long fanoutDelivered,
                  Percentiles fanout, long clientHeapKib, int clientThreads,
                  Duration settled) {
    }

    /** Counts the probe change's deliveries and records each one's latency from its {@code at}. */
    private static final class FanOut implements WsClient.Handler {
        private final String event;
        private final AtomicLong count = new AtomicLong();
        private final LongList receivedMicros = new LongList(16_384);

        FanOut(String event) {
            this.event = event;
        }

        @Override
        public void onMessage(WsClient client, WsMessage message, Instant receivedAt) {
            if (message.is("change") && event.equals(message.eventId())) {
                synchronized (this) {
                    receivedMicros.add(TaskWriter.micros(receivedAt));
                }
                count.incrementAndGet();
            }
        }
    }

    private final Main.Context ctx;

    IdleConnectionsBench(Main.Context ctx) {
        this.ctx = ctx;
    }

    Result run() throws Exception {
        Options o = ctx.options();
        ServerProcess server = ctx.server();
        String event = ctx.api().createEvent(ctx.owner().bearer(), "idle connections");
        MailSignIn.SignedIn member = ctx.signIn().invite(ctx.owner().bearer(), event, ctx.memberEmail());
        Api.TaskRef task = ctx.api().createTask(ctx.owner().bearer(), event, "the fan-out probe");
        Thread.sleep(2000);
        Footprint before = Footprint.of(server);
        Main.log("idle: before: RSS %d MiB, heap after full GC %d MiB, %d threads (%s)", before.rssKib() / 1024,
                before.heapKib() / 1024, before.threads(), server.threadSummary());

        FanOut fanOut = new FanOut(event);
        Main.log("idle: opening %d connections, %d handshakes at a time", o.idle(), o.idleBatch());
        WsPool.Opened opened = ctx.pool().openSubscribed(o.idle(), o.idleBatch(), member.bearer(), event, fanOut,
                Duration.ofSeconds(60));
        Main.log("idle: %d held, %d failed in %d ms %s", opened.clients().size(), opened.failed(),
                opened.took().toMillis(), opened.failures());
        Thread.sleep(o.idleHoldSeconds() * 1000L);
        int stillOpen = (int) opened.clients().stream().filter(WsClient::isOpen).count();
        Footprint held = Footprint.of(server);
        Main.log("idle: holding %d: RSS %d MiB, heap after full GC %d MiB, %d threads (%s)", stillOpen,
                held.rssKib() / 1024, held.heapKib() / 1024, held.threads(), server.threadSummary());
        Runtime client = Runtime.getRuntime();
        System.gc();
        long clientHeapKib = (client.totalMemory() - client.freeMemory()) / 1024;
        int clientThreads = Thread.activeCount();

        // One change, fanned out to every idle subscriber.
        ctx.api().call("PATCH", "/api/v1/events/" + event + "/tasks/" + task.id(), ctx.owner().bearer(),
                Map.of("version", task.version(), "title", "fan-out"), 200);
        List<Api.Change> changes = ctx.api().changesSince(ctx.owner().bearer(), event, 0);
        long at = TaskWriter.micros(WsMessage.instant(changes.get(changes.size() - 1).at()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fanOut.count.get() < stillOpen && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        LongList latencies;
        synchronized (fanOut) {
            latencies = new LongList(fanOut.receivedMicros.size());
            for (int i = 0; i < fanOut.receivedMicros.size(); i++) {
                latencies.add(fanOut.receivedMicros.get(i) - at);
            }
        }

        WsPool.closeAll(opened.clients(), o.idleBatch());
        // The server lets go of a closed connection once its presence is written (one background
        // writer, in order): measure until the heap is back near where it started, for at most a minute.
        long closedAt = System.nanoTime();
        Footprint afterClose;
        do {
            Thread.sleep(5000);
            afterClose = Footprint.of(server);
        } while (afterClose.heapKib() > before.heapKib() + 10 * 1024
                && System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(60));
        Duration settled = Duration.ofNanos(System.nanoTime() - closedAt);
        Main.log("idle: after closing: RSS %d MiB, heap after full GC %d MiB, %d threads (%s)",
                afterClose.rssKib() / 1024, afterClose.heapKib() / 1024, afterClose.threads(), server.threadSummary());
        return new Result(o.idle(), opened.clients().size(), opened.failed(), opened.failures(), opened.took(), stillOpen,
                o.idleHoldSeconds(), before, held, afterClose, fanOut.count.get(), Percentiles.of(latencies),
                clientHeapKib, clientThreads, settled);
    }

    static void print(Result r, ServerProcess server) {
        Table held = new Table("2. Idle connections: " + r.asked() + " asked, each authenticated and subscribed to one event",
                "asked", "held (hello + subscribed)", "failed", "open after " + r.holdSeconds() + " s idle",
                "opening took s", "connections/s");
        held.row(r.asked(), r.held(), r.failed(), r.stillOpen(),
                String.format(java.util.Locale.ROOT, "%.1f", r.opening().toMillis() / 1000.0),
                Math.round(r.held() / Math.max(0.001, r.opening().toMillis() / 1000.0)));
        if (!r.failures().isEmpty()) {
            held.note("failures: " + r.failures());
        }
        held.note("target: ≥ 10 000 connections; server JVM flags: " + String.join(" ", server.jvmArgs()));
        held.note("client: " + r.clientThreads() + " threads, " + r.clientHeapKib() / 1024 + " MiB heap in use while holding");
        held.print(System.out);

        Table cost = new Table("2b. What the idle connections cost the server JVM", "measure", "before", "holding",
                "delta", "per connection", "after closing all (+" + r.settled().toSeconds() + " s)");
        int n = Math.max(1, r.stillOpen());
        cost.row("RSS (VmRSS)", mib(r.before().rssKib()), mib(r.held0().rssKib()),
                mib(r.held0().rssKib() - r.before().rssKib()), kib(r.held0().rssKib() - r.before().rssKib(), n),
                mib(r.afterClose().rssKib()));
        cost.row("heap after full GC", mib(r.before().heapKib()), mib(r.held0().heapKib()),
                mib(r.held0().heapKib() - r.before().heapKib()), kib(r.held0().heapKib() - r.before().heapKib(), n),
                mib(r.afterClose().heapKib()));
        cost.row("threads", r.before().threads(), r.held0().threads(), r.held0().threads() - r.before().threads(), "-",
                r.afterClose().threads());
        cost.note("per connection = delta / connections open while measured (" + r.stillOpen() + "); heap after "
                + "`jcmd GC.run`, read with `jcmd GC.heap_info`");
        cost.note("after closing all: measured every 5 s until the heap is within 10 MiB of before (at most 60 s)");
        cost.note("RSS is the server JVM's resident memory only, not the embedded PostgreSQL's; it includes heap the "
                + "JVM grew into, which G1 gives back only after a full GC");
        cost.print(System.out);

        Table fan = new Table("2c. One change fanned out to every idle subscriber", "subscribers open", "delivered",
                "p50 ms", "p99 ms", "last ms");
        fan.row(r.stillOpen(), r.fanoutDelivered(), Percentiles.ms(r.fanout().median()), Percentiles.ms(r.fanout().at(99)),
                Percentiles.ms(r.fanout().max()));
        fan.note("latency = client receive − the change's `at`, as in scenario 1");
        fan.print(System.out);
    }

    private static String mib(long kib) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    private static String kib(long kib, int n) {
        return String.format(java.util.Locale.ROOT, "%.1f KiB", kib / (double) n);
    }
}
