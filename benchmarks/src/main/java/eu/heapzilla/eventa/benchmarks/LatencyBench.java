package eu.heapzilla.eventa.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1: how long a change takes from its REST write's commit to its delivery over
 * WebSocket, with 1, 50, 500… subscribers of one event while a paced writer issues a steady
 * rate of writes.
 *
 * <p>Per delivered frame, latency = the instant the client received it ({@link Instant#now()},
 * same machine and clock as the server) − the change's {@code at}, which the server stamps
 * just before its commit: an upper bound of commit → delivery. Only changes whose {@code at}
 * falls in the measured window (after the warm-up) count towards the percentiles; every change
 * from each subscription's cursor to the event's last is checked for gaps, duplicates and order.
 */
final class LatencyBench {

    /** One run's figures. */
    record Result(int subscribers, int opened, double askedRate, double achievedRate, long writes, long writeFailures,
                  Map<Integer, Integer> failureStatuses, Percentiles rest, Percentiles lateness, long deliveredInWindow,
                  long expectedInWindow, Subscriber.Check check, Percentiles latency, Duration drain, String cpu,
                  long atMismatches, long changesInWindow, Percentiles firstDelivery, Percentiles lastDelivery,
                  long maxClientUnread, long maxServerUnsent, int drained, long drainedChanges, long drainedExpected) {
    }

    private final Main.Context ctx;

    LatencyBench(Main.Context ctx) {
        this.ctx = ctx;
    }

    Result run(int subscriberCount) throws Exception {
        Options o = ctx.options();
        String event = ctx.api().createEvent(ctx.owner().bearer(), "latency, " + subscriberCount + " subscribers");
        MailSignIn.SignedIn member = ctx.signIn().invite(ctx.owner().bearer(), event, ctx.memberEmail());
        List<Api.TaskRef> tasks = TaskWriter.tasks(ctx.api(), ctx.owner().bearer(), event, o.inFlight());
        int totalWrites = (int) Math.round(o.rate() * (o.warmupSeconds() + o.seconds()));

        List<Subscriber> subscribers = new ArrayList<>();
        int expectedEach = totalWrites + 16;
        // Each connection gets its own recorder; they are opened one after another.
        int measured = o.instrumented() > 0 ? Math.min(o.instrumented(), subscriberCount) : subscriberCount;
        List<WsClient> clients = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            Subscriber s = new Subscriber(event, expectedEach, i == 0);
            WsClient client = ctx.pool().open(member.bearer(), s).get();
            client.hello().get(30, java.util.concurrent.TimeUnit.SECONDS);
            s.cursor = client.subscribe(event, -1).get(30, java.util.concurrent.TimeUnit.SECONDS);
            subscribers.add(s);
            clients.add(client);
        }
        DrainConnections drains = new DrainConnections();
        int drained = subscriberCount - measured;
        if (drained > 0) {
            long ok = drains.open(drained, 50, ctx.server().port(), member.bearer(), event, 60_000);
            if (ok < drained) {
                drains.close();
                throw new IllegalStateException("only " + ok + " of " + drained + " draining subscribers were subscribed");
            }
        }
        Main.log("latency: %d subscribers (%d measured) of event %s, cursor %d; writing %d at %.0f/s (%d s warm-up + %d s measured)",
                subscriberCount, measured, event, subscribers.get(0).cursor, totalWrites, o.rate(), o.warmupSeconds(), o.seconds());

        TaskWriter writer = new TaskWriter(ctx.api(), ctx.owner().bearer(), event, tasks, o.postEvery(), 1500);
        TaskWriter.Log[] log = new TaskWriter.Log[1];
        Exception[] failed = new Exception[1];
        Thread writing = new Thread(() -> {
            try {
                log[0] = writer.write(totalWrites, o.rate());
            } catch (Exception e) {
                failed[0] = e;
            }
        }, "paced-writer");
        long wallStart = System.currentTimeMillis();
        writing.start();
        // CPU over the measured window only.
        Thread.sleep(o.warmupSeconds() * 1000L);
        CpuTime cpuBefore = ctx.server().cpu();
        ThreadCpu threadsBefore = ThreadCpu.of(ctx.server().pid());
        long clientBefore = CpuTime.clientMillis();
        long windowWallStart = System.currentTimeMillis();
        long windowWallEnd = windowWallStart + o.seconds() * 1000L;
        long maxUnread = 0;
        long maxUnsent = 0;
        // Where a backlog waits: sampled twice a second over the window.
        while (System.currentTimeMillis() < windowWallEnd) {
            SocketQueues queues = SocketQueues.sample(ctx.server().port());
            maxUnread = Math.max(maxUnread, queues.clientUnread());
            maxUnsent = Math.max(maxUnsent, queues.serverUnsent());
            Thread.sleep(Math.max(1, Math.min(500, windowWallEnd - System.currentTimeMillis())));
        }
        CpuTime cpuAfter = ctx.server().cpu();
        long clientAfter = CpuTime.clientMillis();
        long windowMillis = System.currentTimeMillis() - windowWallStart;
        String cpu = CpuTime.usage(cpuBefore, clientBefore, cpuAfter, clientAfter, windowMillis)
                + " (busiest server threads: " + ThreadCpu.of(ctx.server().pid()).busiestSince(threadsBefore, windowMillis, 3) + ")";
        writing.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        TaskWriter.Log writes = log[0];
        if (writer.firstFailure() != null) {
            Main.log("latency: a write failed: %s", writer.firstFailure());
        }

        // The event's change log as the REST feed has it: the truth to check deliveries against.
        long minCursor = subscribers.stream().mapToLong(s -> s.cursor).min().orElse(0);
        List<Api.Change> changes = ctx.api().changesSince(ctx.owner().bearer(), event, minCursor);
        long last = changes.isEmpty() ? minCursor : changes.get(changes.size() - 1).seq();
        long drainStart = System.nanoTime();
        long deadline = drainStart + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && subscribers.stream().anyMatch(s -> s.highest() < last)) {
            Thread.sleep(5);
        }
        long drainedExpected = (long) drained * (last - subscribers.get(0).cursor);
        while (System.nanoTime() < deadline && drains.changes() < drainedExpected) {
            Thread.sleep(5);
        }
        Duration drain = Duration.ofNanos(System.nanoTime() - drainStart);
        long drainedChanges = drains.changes();
        drains.close();

        long windowStart = TaskWriter.micros(writes.start) + o.warmupSeconds() * 1_000_000L;
        long windowEnd = windowStart + o.seconds() * 1_000_000L;
        Map<Long, Long> atMicros = new HashMap<>();
        long changesInWindow = 0;
        for (Api.Change change : changes) {
            long at = TaskWriter.micros(WsMessage.instant(change.at()));
            atMicros.put(change.seq(), at);
            if (at >= windowStart && at < windowEnd) {
                changesInWindow++;
            }
        }
        LongList latencies = new LongList((int) (changesInWindow * subscriberCount));
        // Per change: when its first and its last subscriber got it (commit → notice vs fan-out).
        long base = minCursor + 1;
        long[] first = new long[(int) Math.max(0, last - minCursor)];
        long[] lastOf = new long[first.length];
        java.util.Arrays.fill(first, Long.MAX_VALUE);
        java.util.Arrays.fill(lastOf, Long.MIN_VALUE);
        long expectedInWindow = 0;
        Subscriber.Check check = Subscriber.Check.NONE;
        for (Subscriber s : subscribers) {
            s.highest(); // volatile read: what the callback threads recorded is visible from here on
            check = check.plus(s.check(last));
            java.util.BitSet counted = new java.util.BitSet();
            for (int i = 0; i < s.seqs.size(); i++) {
                long seq = s.seqs.get(i);
                Long at = atMicros.get(seq);
                if (at != null && at >= windowStart && at < windowEnd && seq > s.cursor && !counted.get((int) (seq - s.cursor))) {
                    counted.set((int) (seq - s.cursor));
                    long latency = s.receivedMicros.get(i) - at;
                    latencies.add(latency);
                    int index = (int) (seq - base);
                    first[index] = Math.min(first[index], latency);
                    lastOf[index] = Math.max(lastOf[index], latency);
                }
            }
            for (Api.Change change : changes) {
                long at = atMicros.get(change.seq());
                if (change.seq() > s.cursor && at >= windowStart && at < windowEnd) {
                    expectedInWindow++;
                }
            }
        }
        // The frames' "at" must be the change log's own.
        long atMismatches = 0;
        Subscriber probe = subscribers.get(0);
        for (Api.Change change : changes) {
            String sent = probe.atOf(change.seq());
            if (sent != null && !WsMessage.instant(sent).equals(WsMessage.instant(change.at()))) {
                atMismatches++;
            }
        }

        LongList firsts = new LongList(first.length);
        LongList lasts = new LongList(first.length);
        for (int i = 0; i < first.length; i++) {
            if (first[i] != Long.MAX_VALUE) {
                firsts.add(first[i]);
                lasts.add(lastOf[i]);
            }
        }
        LongList rest = new LongList(writes.count());
        LongList lateness = new LongList(writes.count());
        long okInWindow = 0;
        for (int i = 0; i < writes.count(); i++) {
            if (writes.sentMicros[i] >= windowStart && writes.sentMicros[i] < windowEnd) {
                lateness.add(writes.sentMicros[i] - writes.dueMicros[i]);
                if (writes.ok(i)) {
                    okInWindow++;
                    rest.add(writes.answeredMicros[i] - writes.sentMicros[i]);
                }
            }
        }
        WsPool.closeAll(clients, 200);
        Main.log("latency: %d subscribers done in %d s", subscriberCount, (System.currentTimeMillis() - wallStart) / 1000);
        return new Result(subscriberCount, clients.size(), o.rate(), okInWindow / (double) o.seconds(), writes.count(),
                writes.failures(), writes.failureStatuses(), Percentiles.of(rest), Percentiles.of(lateness),
                latencies.size(), expectedInWindow, check, Percentiles.of(latencies), drain, cpu, atMismatches,
                changesInWindow, Percentiles.of(firsts), Percentiles.of(lasts), maxUnread, maxUnsent, drained,
                drainedChanges, drainedExpected);
    }

    static void print(List<Result> results, Options o) {
        Table table = new Table("1. Change latency, REST write commit → WebSocket delivery (" + Math.round(o.rate())
                + " writes/s asked, " + o.warmupSeconds() + " s warm-up + " + o.seconds() + " s measured)",
                "subscribers", "writes/s", "REST p50 ms", "REST p99 ms", "delivered / expected", "missing", "dup",
                "out of order", "p50 ms", "p95 ms", "p99 ms", "max ms", "drain ms");
        for (Result r : results) {
            table.row(r.drained() == 0 ? r.subscribers() : r.subscribers() + " (" + (r.subscribers() - r.drained())
                    + " measured)", String.format(java.util.Locale.ROOT, "%.1f", r.achievedRate()),
                    Percentiles.ms(r.rest().median()), Percentiles.ms(r.rest().at(99)),
                    r.deliveredInWindow() + " / " + r.expectedInWindow(), r.check().missing(), r.check().duplicates(),
                    r.check().outOfOrder() + r.check().unexpected(), Percentiles.ms(r.latency().median()),
                    Percentiles.ms(r.latency().at(95)), Percentiles.ms(r.latency().at(99)),
                    Percentiles.ms(r.latency().max()), r.drain().toMillis());
        }
        table.note("latency = client receive instant − the change's `at` (stamped by the server just before commit): "
                + "an upper bound of commit → delivery; percentiles over every frame of every subscriber whose change's "
                + "`at` is in the measured window");
        table.note("missing / dup / out of order: over each subscription's whole life (cursor + 1 … the event's last "
                + "seq per the REST feed), not only the window; anything but 0 is a correctness failure");
        table.note("target: p99 < 50 ms at 200 writes/s with 50 subscribers");
        for (Result r : results) {
            StringBuilder note = new StringBuilder().append(r.subscribers()).append(" subscribers: ").append(r.cpu())
                    .append("; ").append(r.changesInWindow()).append(" changes in the window; send lateness p99 ")
                    .append(Percentiles.ms(r.lateness().at(99))).append(" ms; per change, first subscriber p50/p99 ")
                    .append(Percentiles.ms(r.firstDelivery().median())).append('/')
                    .append(Percentiles.ms(r.firstDelivery().at(99))).append(" ms, last subscriber p50/p99 ")
                    .append(Percentiles.ms(r.lastDelivery().median())).append('/')
                    .append(Percentiles.ms(r.lastDelivery().at(99))).append(" ms; socket queues (max of samples): ")
                    .append(r.maxClientUnread() / 1024).append(" KiB unread by the client, ")
                    .append(r.maxServerUnsent() / 1024).append(" KiB unsent by the server");
            if (r.writeFailures() > 0) {
                note.append("; FAILED WRITES ").append(r.writeFailures()).append(' ').append(r.failureStatuses());
            }
            if (r.atMismatches() > 0) {
                note.append("; `at` differs from the REST feed for ").append(r.atMismatches()).append(" changes");
            }
            if (r.drained() > 0) {
                note.append("; the other ").append(r.drained()).append(" subscribers only drained their sockets: ")
                        .append(r.drainedChanges()).append(" change frames of ").append(r.drainedExpected())
                        .append(" expected");
            }
            if (r.opened() + r.drained() != r.subscribers()) {
                note.append("; only ").append(r.opened()).append(" connections opened");
            }
            table.note(note.toString());
        }
        table.print(System.out);
    }
}
