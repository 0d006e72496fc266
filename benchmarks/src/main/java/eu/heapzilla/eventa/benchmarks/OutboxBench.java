package eu.heapzilla.eventa.benchmarks;

import eu.heapzilla.eventa.adapters.mail.MailDelivery;
import eu.heapzilla.eventa.adapters.mail.MailSettings;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.EmbeddedPostgresServer;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.push.PushDelivery;
import eu.heapzilla.eventa.adapters.push.PushSettings;
import eu.heapzilla.eventa.adapters.push.testing.FakeFcmServer;
import eu.heapzilla.eventa.domain.access.BearerToken;
import eu.heapzilla.eventa.domain.access.Secret;
import eu.heapzilla.eventa.domain.change.Change;
import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Membership;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.push.Platform;
import eu.heapzilla.eventa.domain.push.PushToken;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.out.Mailer;
import eu.heapzilla.eventa.ports.out.OutboxCounts;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;

/**
 * Scenario 4, in this process: the outbox delivering pushes (issue 7). The full core
 * ({@link UseCases}) on an embedded PostgreSQL in a temporary directory, with the production
 * {@link OutboxPolicy#DEFAULTS} (coalescing 10 s) and {@link Clock#system()}, the real
 * {@link PushDelivery} (the Firebase Admin SDK) aimed at a {@link FakeFcmServer} on loopback that
 * accepts every send at once, and the development mailer. Worker threads run the server's loop
 * ({@code deliverDue()} until 0, then {@code awaitWork(1 s)}).
 *
 * <ul>
 *   <li><b>Latency</b>: writer threads add a task (one write, one change) at a steady rate,
 *       open-loop, round-robin over enough events that each is written once every 15 s, so that
 *       coalescing lets every write push. Per write: the instant the call returned (committed)
 *       and the instant the fake FCM server received its push ({@link System#nanoTime()}, same JVM);
 *       matched by event and seq (the seq from the change log).</li>
 *   <li><b>Throughput</b>: workers stopped, {@code n} writes (each to its own event, so each
 *       pushes) are enqueued; then workers start, and the drain is timed.</li>
 * </ul>
 */
final class OutboxBench {

    private static final String PROJECT = "eventa-bench";
    /** How long apart the latency run writes to one event, at least at the asked rate. */
    private static final Duration SPACING = Duration.ofSeconds(15);
    /** The coalescing window and a second: after this, a write to any event pushes again. */
    private static final Duration WINDOW_PASSED = OutboxPolicy.DEFAULTS.coalescing().plusSeconds(1);
    /** As the server's OutboxWorkers. */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Long enough for each backend to publish its table statistics (PostgreSQL does so at most once a second). */
    private static final Duration STATS_SETTLE = Duration.ofSeconds(2);

    /** One seeded event: its writer, and the one recipient with one push device. */
    record Pair(EventId event, UserId writer, UserId recipient, PushToken device) {
    }

    /** How the pushes of a run arrived, checked against its writes. */
    record Delivery(int written, long accepted, long missing, long duplicates, long unexpected, long wrongEntity,
                    Percentiles latency, long firstArrival, long lastArrival) {

        boolean correct() {
            return missing == 0 && duplicates == 0 && unexpected == 0 && wrongEntity == 0;
        }
    }

    /** The latency run. */
    record LatencyRun(int asked, double askedRate, int seconds, int workers, int events, long failures,
                      String firstFailure, double achievedRate, Percentiles lateness, Percentiles call,
                      Delivery delivery, Duration drainAfterLastWrite, OutboxCounts counts, String cpu, String threads,
                      String waits, String seqScans, String warmup) {
    }

    /** One throughput run. */
    record DrainRun(int workers, int writes, long failures, String firstFailure, Duration enqueue, long pendingBefore,
                    Duration firstRequest, Duration lastRequest, Duration empty, Delivery delivery, OutboxCounts counts,
                    String cpu, String threads, String waits, String seqScans) {

        double itemsPerSecond() {
            return 2.0 * delivery.accepted() / Math.max(1e-9, empty.toNanos() / 1e9);
        }

        double requestsPerSecond() {
            return delivery.accepted() / Math.max(1e-9, lastRequest.toNanos() / 1e9);
        }

        /** Sends per second from the first to the last: once the fan-outs ahead of them were done. */
        double requestsPerSecondWhileSending() {
            return (delivery.accepted() - 1) / Math.max(1e-9, (lastRequest.toNanos() - firstRequest.toNanos()) / 1e9);
        }
    }

    /** Everything the scenario measured. */
    record Result(int events, Duration seeding, LatencyRun latency, List<DrainRun> drains, long duplicatesOverall,
                  long acceptedOverall, long requestsOverall, long workerFailures, long warnings, long errors,
                  List<String> problems, String setup) {

        boolean correct() {
            return latency.failures() == 0 && latency.delivery().correct() && latency.counts().pending() == 0
                    && latency.counts().dead() == 0
                    && drains.stream().allMatch(d -> d.failures() == 0 && d.delivery().correct()
                    && d.counts().pending() == 0 && d.counts().dead() == 0)
                    && duplicatesOverall == 0 && workerFailures == 0 && errors == 0;
        }
    }

    /** The writes of one run: which pair each went to, when it was due, started and returned, and its task. */
    private static final class Writes {
        final int count;
        final int[] pair;
        final long[] due;
        final long[] started;
        final long[] committed;
        final String[] task;
        final AtomicLong failures = new AtomicLong();
        volatile String firstFailure;
        long firstDue;

        Writes(int count) {
            this.count = count;
            pair = new int[count];
            due = new long[count];
            started = new long[count];
            committed = new long[count];
            task = new String[count];
        }

        boolean ok(int i) {
            return task[i] != null;
        }

        long succeeded() {
            return count - failures.get();
        }

        long lastCommitted() {
            long last = 0;
            for (int i = 0; i < count; i++) {
                last = ok(i) ? Math.max(last, committed[i]) : last;
            }
            return last;
        }
    }

    private final Options.Outbox settings;
    private final AtomicLong workerFailures = new AtomicLong();
    private final AtomicInteger taskNumbers = new AtomicInteger();

    private PostgresPersistence persistence;
    private UseCases core;
    private FakeFcmServer fcm;
    private PostgresStats stats;
    private Path dataDirectory;
    private Pair[] pairs;

    OutboxBench(Options.Outbox settings) {
        this.settings = settings;
    }

    Result run() throws Exception {
        Path root = Files.createTempDirectory("eventa-bench-outbox-");
        dataDirectory = root.resolve("postgres");
        List<AutoCloseable> open = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable cleanup = () -> {
            if (closed.compareAndSet(false, true)) {
                for (int i = open.size() - 1; i >= 0; i--) {
                    try {
                        open.get(i).close();
                    } catch (Exception e) {
                        System.err.println("closing " + open.get(i).getClass().getSimpleName() + ": " + e);
                    }
                }
                deleteRecursively(root);
            }
        };
        Thread hook = new Thread(cleanup, "outbox-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ProblemLog problems = ProblemLog.start()) {
            long setupStart = System.nanoTime();
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory);
            open.add(postgres);
            DatabaseSettings database = postgres.settings(DatabaseSettings.DEFAULT_POOL_SIZE);
            persistence = new PostgresPersistence(database);
            open.add(persistence);
            persistence.migrate();
            stats = new PostgresStats(database);
            open.add(stats);
            fcm = new FakeFcmServer().delayAnswers(Duration.ofMillis(settings.fcmDelayMillis()));
            open.add(fcm);
            PushDelivery push = PushDelivery.start(new PushSettings(Optional.of(fcm.writeCredentials(root, PROJECT)),
                    Optional.of(PROJECT)), fcm.transport());
            open.add(push);
            Mailer mailer = MailDelivery.start(new MailSettings(Optional.empty(), "eventa@localhost", "http://localhost",
                    root.resolve("mail"))).mailer();
            core = new UseCases(new UseCases.OutPorts(persistence.transactions(), Clock.system(), persistence.users(),
                    persistence.databaseProbe(), persistence.magicLinks(), persistence.bearerTokens(), mailer,
                    persistence.events(), persistence.memberships(), persistence.invites(), persistence.changeLog(),
                    persistence.households(), persistence.guests(), persistence.tasks(), persistence.budgetItems(),
                    persistence.receipts(), persistence.blobStore(), persistence.changeBus(), persistence.presenceBoard(),
                    persistence.outbox(), persistence.pushDevices(), persistence.pushWindows(),
                    persistence.notifications(), push.gateway()), OutboxPolicy.DEFAULTS);
            String setup = String.format(Locale.ROOT, "embedded %s, a pool of %d connections, in a temporary directory, "
                    + "migrated; push: %s, the real SDK to the fake server on loopback; ready in %d ms", stats.describe(),
                    database.poolSize(), push.description(), Duration.ofNanos(System.nanoTime() - setupStart).toMillis());
            Main.log("outbox: %s", setup);

            int latencyEvents = (int) Math.ceil(settings.rate() * SPACING.toSeconds());
            int events = settings.events() > 0 ? settings.events() : Math.max(latencyEvents, settings.writes());
            latencyEvents = Math.min(latencyEvents, events);
            long seedStart = System.nanoTime();
            pairs = seed(events);
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
            Main.log("outbox: seeded %d events (a writer, a recipient with one push device each) in %.1f s",
                    events, seeding.toMillis() / 1000.0);

            LatencyRun latency = latencyRun(latencyEvents);
            List<DrainRun> drains = new ArrayList<>();
            long lastDrained = System.nanoTime();
            for (int workers : settings.drainWorkers()) {
                DrainRun drain = drainRun(workers, Math.min(settings.writes(), events), lastDrained);
                lastDrained = System.nanoTime();
                drains.add(drain);
            }

            List<FakeFcmServer.SendRequest> accepted = fcm.accepted();
            Set<String> distinct = new HashSet<>();
            long duplicates = accepted.stream().filter(r -> !distinct.add(r.token() + "@" + r.data().get("seq"))).count();
            return new Result(events, seeding, latency, drains, duplicates, accepted.size(), fcm.requests().size(),
                    workerFailures.get(), problems.warnings(), problems.errors(), problems.distinct(15), setup);
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to do
            }
        }
    }

    /** Seeds {@code count} events in chunks, one transaction each, on the writer threads. */
    private Pair[] seed(int count) throws Exception {
        Pair[] seeded = new Pair[count];
        SecureRandom random = new SecureRandom();
        int chunk = 250;
        ExecutorService pool = Executors.newFixedThreadPool(settings.writers());
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int from = 0; from < count; from += chunk) {
                int start = from;
                int end = Math.min(count, from + chunk);
                chunks.add(pool.submit(() -> persistence.transactions().run(() -> {
                    for (int i = start; i < end; i++) {
                        seeded[i] = seedOne(i, random);
                    }
                })));
            }
            for (Future<?> done : chunks) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return seeded;
    }

    private Pair seedOne(int i, SecureRandom random) {
        Instant now = Instant.now();
        UserId writer = persistence.users().addOrGet(User.register(UserId.random(),
                Email.of("outbox-writer-" + i + "@example.org"), now)).id();
        UserId recipient = persistence.users().addOrGet(User.register(UserId.random(),
                Email.of("outbox-recipient-" + i + "@example.org"), now)).id();
        EventId event = core.planEvents().plan(writer, EventBrief.titled("Outbox bench " + i)).event().id();
        persistence.memberships().add(Membership.join(event, recipient, Role.EDITOR, now));
        Secret bearer = Secret.generate(random);
        persistence.bearerTokens().add(BearerToken.issue(bearer.hash(), recipient, Optional.empty(), now));
        PushToken device = new PushToken("bench-device-" + i);
        core.managePushDevices().register(recipient, bearer.hash(), device, Platform.ANDROID);
        return new Pair(event, writer, recipient, device);
    }

    private LatencyRun latencyRun(int latencyEvents) throws Exception {
        int[] cursor = {0};
        IntUnaryOperator roundRobin = i -> (cursor[0] + i) % latencyEvents;
        String warmupNote;
        try (Workers workers = Workers.start(core.deliverOutbox(), settings.workers(), workerFailures)) {
            int warmupWrites = (int) Math.round(settings.rate() * settings.warmupSeconds());
            if (warmupWrites > 0) {
                Main.log("outbox: warm-up, %d writes at %.0f/s with %d workers (not measured)", warmupWrites,
                        settings.rate(), settings.workers());
                int base = fcm.accepted().size();
                Writes warm = write(warmupWrites, settings.rate(), roundRobin);
                cursor[0] = (cursor[0] + warmupWrites) % latencyEvents;
                awaitAccepted(base + (int) warm.succeeded(), Duration.ofSeconds(60));
                awaitNothingPending(Duration.ofSeconds(60));
                List<FakeFcmServer.SendRequest> warmAccepted = fcm.accepted();
                Delivery delivery = evaluate(warm, warmAccepted.subList(base, warmAccepted.size()));
                warmupNote = String.format(Locale.ROOT, "%d writes, %d pushes accepted, p50/p99 %s/%s ms%s",
                        warmupWrites, delivery.accepted(), Percentiles.ms(delivery.latency().median()),
                        Percentiles.ms(delivery.latency().at(99)), delivery.correct() && warm.failures.get() == 0 ? ""
                                : " — NOT all delivered once: " + delivery + ", " + warm.failures.get() + " failed writes");
            } else {
                warmupNote = "none";
            }
            Thread.sleep(STATS_SETTLE.toMillis());
            Map<String, PostgresStats.TableScans> scansBefore = stats.tableScans();

            int asked = (int) Math.round(settings.rate() * settings.seconds());
            Main.log("outbox: latency run, %d writes at %.0f/s over %d events (each every %.0f s) with %d workers",
                    asked, settings.rate(), latencyEvents, latencyEvents / settings.rate(), settings.workers());
            int base = fcm.accepted().size();
            long cpuBefore = CpuTime.clientMillis();
            long postgresBefore = postgresMillis();
            ThreadCpu threadsBefore = ThreadCpu.of(ProcessHandle.current().pid());
            long wallStart = System.nanoTime();
            stats.startSampling(25);
            Writes writes = write(asked, settings.rate(), roundRobin);
            long wall = Duration.ofNanos(System.nanoTime() - wallStart).toMillis();
            String waits = stats.stopSampling();
            String cpu = cpu(cpuBefore, postgresBefore, wall);
            String threads = ThreadCpu.of(ProcessHandle.current().pid()).busiestSince(threadsBefore, wall, 5);

            awaitAccepted(base + (int) writes.succeeded(), Duration.ofSeconds(60));
            awaitNothingPending(Duration.ofSeconds(60));
            List<FakeFcmServer.SendRequest> accepted = fcm.accepted();
            Delivery delivery = evaluate(writes, accepted.subList(base, accepted.size()));
            Duration drain = Duration.ofNanos(Math.max(0, delivery.lastArrival() - writes.lastCommitted()));
            Thread.sleep(STATS_SETTLE.toMillis());
            String scans = PostgresStats.seqScansBetween(scansBefore, stats.tableScans());
            OutboxCounts counts = core.deliverOutbox().counts();

            LongList lateness = new LongList(writes.count);
            LongList call = new LongList(writes.count);
            long lastStart = writes.firstDue;
            for (int i = 0; i < writes.count; i++) {
                lateness.add((writes.started[i] - writes.due[i]) / 1000);
                lastStart = Math.max(lastStart, writes.started[i]);
                if (writes.ok(i)) {
                    call.add((writes.committed[i] - writes.started[i]) / 1000);
                }
            }
            // writes started per second, from the first one's due time to the last one's start
            double achieved = writes.count <= 1 ? writes.count
                    : (writes.count - 1) / Math.max(1e-9, (lastStart - writes.firstDue) / 1e9);
            Main.log("outbox: latency run done: %d of %d pushes accepted, p50/p99 %s/%s ms", delivery.accepted(),
                    writes.succeeded(), Percentiles.ms(delivery.latency().median()), Percentiles.ms(delivery.latency().at(99)));
            return new LatencyRun(asked, settings.rate(), settings.seconds(), settings.workers(), latencyEvents,
                    writes.failures.get(), writes.firstFailure, achieved, Percentiles.of(lateness), Percentiles.of(call),
                    delivery, drain, counts, cpu, threads, waits, scans, warmupNote);
        }
    }

    private DrainRun drainRun(int workerCount, int count, long lastDrained) throws Exception {
        long wait = lastDrained + WINDOW_PASSED.toNanos() - System.nanoTime();
        if (wait > 0) {
            Main.log("outbox: waiting %d s for the coalescing windows to pass", TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait) + 1);
        }
        Map<String, PostgresStats.TableScans> scansBefore = stats.tableScans();
        int base = fcm.accepted().size();
        Main.log("outbox: throughput run, enqueueing %d writes (one per event) with the workers stopped", count);
        long enqueueStart = System.nanoTime();
        Writes writes = write(count, 0, i -> i);
        Duration enqueue = Duration.ofNanos(System.nanoTime() - enqueueStart);
        long pendingBefore = stats.pending();
        Main.log("outbox: %d writes in %.1f s, %d items pending; starting %d workers", count,
                enqueue.toMillis() / 1000.0, pendingBefore, workerCount);

        long cpuBefore = CpuTime.clientMillis();
        long postgresBefore = postgresMillis();
        ThreadCpu threadsBefore = ThreadCpu.of(ProcessHandle.current().pid());
        stats.startSampling(25);
        long start = System.nanoTime();
        long empty;
        String waits;
        String cpu;
        String threads;
        try (Workers workers = Workers.start(core.deliverOutbox(), workerCount, workerFailures)) {
            awaitAccepted(base + (int) writes.succeeded(), Duration.ofSeconds(60));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (stats.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            empty = System.nanoTime();
            // while the worker threads still exist: an ended thread's CPU time is gone from /proc
            long wall = Duration.ofNanos(empty - start).toMillis();
            waits = stats.stopSampling();
            cpu = cpu(cpuBefore, postgresBefore, wall);
            threads = ThreadCpu.of(ProcessHandle.current().pid()).busiestSince(threadsBefore, wall, 5);
        }
        List<FakeFcmServer.SendRequest> accepted = fcm.accepted();
        Delivery delivery = evaluate(writes, accepted.subList(base, accepted.size()));
        Thread.sleep(STATS_SETTLE.toMillis());
        String scans = PostgresStats.seqScansBetween(scansBefore, stats.tableScans());
        OutboxCounts counts = core.deliverOutbox().counts();
        DrainRun run = new DrainRun(workerCount, count, writes.failures.get(), writes.firstFailure, enqueue, pendingBefore,
                Duration.ofNanos(Math.max(0, delivery.firstArrival() - start)),
                Duration.ofNanos(Math.max(0, delivery.lastArrival() - start)), Duration.ofNanos(empty - start), delivery,
                counts, cpu, threads, waits, scans);
        Main.log("outbox: %d workers drained %d fan-outs + %d pushes in %.2f s (%.0f items/s, %.0f FCM requests/s)",
                workerCount, count, delivery.accepted(), run.empty().toMillis() / 1000.0, run.itemsPerSecond(),
                run.requestsPerSecond());
        return run;
    }

    /**
     * {@code count} writes, each adding a task to the event of pair {@code pairOf(i)}, from the writer
     * threads: write {@code i} is due {@code i / rate} s after the first (open loop: a write is not held
     * back by an earlier one that is slow, only by all writer threads being busy), or at once when
     * {@code rate} is 0.
     */
    private Writes write(int count, double rate, IntUnaryOperator pairOf) throws InterruptedException {
        Writes writes = new Writes(count);
        AtomicInteger next = new AtomicInteger();
        long first = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        writes.firstDue = first;
        double interval = rate > 0 ? 1e9 / rate : 0;
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= settings.writers(); t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    long due = first + Math.round(i * interval);
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(due - now);
                    }
                    Pair pair = pairs[pairOf.applyAsInt(i)];
                    writes.pair[i] = pairOf.applyAsInt(i);
                    writes.due[i] = due;
                    writes.started[i] = System.nanoTime();
                    try {
                        String task = core.keepChecklist().addTask(pair.writer(), pair.event(),
                                TaskDetails.titled("Bench task " + taskNumbers.incrementAndGet())).id().toString();
                        writes.committed[i] = System.nanoTime();
                        writes.task[i] = task;
                    } catch (RuntimeException e) {
                        writes.committed[i] = System.nanoTime();
                        if (writes.failures.incrementAndGet() == 1) {
                            writes.firstFailure = e.toString();
                            Main.log("outbox: a write failed: %s", e);
                        }
                    }
                }
            }, "outbox-writer-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return writes;
    }

    /**
     * Matches each accepted push to its write by event and seq (each write's seq read from the event's
     * change log: the task it created); a push that matches no write of the run is unexpected, a
     * second one for the same write a duplicate.
     */
    private Delivery evaluate(Writes writes, List<FakeFcmServer.SendRequest> accepted) {
        Map<String, Integer> bySeq = new HashMap<>();
        Map<Integer, Map<String, Long>> seqByTask = new HashMap<>();
        for (int i = 0; i < writes.count; i++) {
            if (!writes.ok(i)) {
                continue;
            }
            int pairIndex = writes.pair[i];
            Map<String, Long> seqs = seqByTask.computeIfAbsent(pairIndex, p -> {
                Map<String, Long> created = new HashMap<>();
                for (Change change : persistence.changeLog().after(pairs[p].event(), 0, 100_000)) {
                    if (change.op() == ChangeOp.CREATED) {
                        created.put(change.entityId(), change.seq());
                    }
                }
                return created;
            });
            Long seq = seqs.get(writes.task[i]);
            if (seq != null) {
                bySeq.put(pairs[pairIndex].event() + "/" + seq, i);
            }
        }
        BitSet matched = new BitSet(writes.count);
        LongList latency = new LongList(writes.count);
        long duplicates = 0;
        long unexpected = 0;
        long wrongEntity = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (FakeFcmServer.SendRequest request : accepted) {
            Integer i = bySeq.get(request.data().get("event_id") + "/" + request.data().get("seq"));
            if (i == null) {
                unexpected++;
            } else if (matched.get(i)) {
                duplicates++;
            } else {
                matched.set(i);
                if (!writes.task[i].equals(request.data().get("entity_id"))
                        || !pairs[writes.pair[i]].device().value().equals(request.token())) {
                    wrongEntity++;
                }
                latency.add((request.receivedNanos() - writes.committed[i]) / 1000);
                first = Math.min(first, request.receivedNanos());
                last = Math.max(last, request.receivedNanos());
            }
        }
        long missing = 0;
        for (int i = 0; i < writes.count; i++) {
            if (writes.ok(i) && !matched.get(i)) {
                missing++;
            }
        }
        return new Delivery(writes.count, accepted.size(), missing, duplicates, unexpected, wrongEntity,
                Percentiles.of(latency), first == Long.MAX_VALUE ? 0 : first, last == Long.MIN_VALUE ? 0 : last);
    }

    /** Waits until {@code count} sends were accepted in all, or none was for {@code stalled}. */
    private void awaitAccepted(int count, Duration stalled) throws InterruptedException {
        int seen = fcm.accepted().size();
        long deadline = System.nanoTime() + stalled.toNanos();
        while (seen < count) {
            if (System.nanoTime() > deadline) {
                Main.log("outbox: gave up waiting, nothing accepted for %d s: %d of %d pushes accepted",
                        stalled.toSeconds(), seen, count);
                return;
            }
            Thread.sleep(2);
            int now = fcm.accepted().size();
            if (now > seen) {
                seen = now;
                deadline = System.nanoTime() + stalled.toNanos();
            }
        }
    }

    private void awaitNothingPending(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (stats.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** CPU of this process (the core, the SDK, the fake FCM server, the writers) and of PostgreSQL, in % of one core. */
    private String cpu(long processBefore, long postgresBefore, long wallMillis) {
        double wall = Math.max(1, wallMillis);
        return String.format(Locale.ROOT, "this JVM %.0f %%, PostgreSQL %.0f %% of one core",
                100 * (CpuTime.clientMillis() - processBefore) / wall, 100 * Math.max(0, postgresMillis() - postgresBefore) / wall);
    }

    /** The postmaster, the backends it reaped, and its live backends. */
    private long postgresMillis() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid).map(pm -> CpuTime.ofPidWithReapedChildren(pm.pid())
                    + pm.descendants().mapToLong(backend -> CpuTime.ofPid(backend.pid())).sum()).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The server's outbox worker threads (app-server's {@code OutboxWorkers}, which is package-private
     * there), replicated: each delivers due items until there are none, then waits for news or the 1 s poll.
     */
    private static final class Workers implements AutoCloseable {

        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopping;

        static Workers start(DeliverOutbox outbox, int count, AtomicLong failures) {
            Workers workers = new Workers();
            for (int i = 1; i <= count; i++) {
                Thread thread = new Thread(() -> workers.work(outbox, failures), "outbox-worker-" + i);
                thread.setDaemon(true);
                workers.threads.add(thread);
                thread.start();
            }
            return workers;
        }

        private void work(DeliverOutbox outbox, AtomicLong failures) {
            while (!stopping) {
                try {
                    if (outbox.deliverDue() == 0) {
                        outbox.awaitWork(POLL);
                    }
                } catch (InterruptedException stop) {
                    return;
                } catch (RuntimeException failure) {
                    if (stopping) {
                        return;
                    }
                    failures.incrementAndGet();
                    Main.log("outbox worker failed; trying again in 1 s: %s", failure);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            stopping = true;
            for (Thread thread : threads) {
                thread.interrupt();
            }
            for (Thread thread : threads) {
                thread.join(10_000);
                if (thread.isAlive()) {
                    Main.log("outbox: %s did not stop within 10 s", thread.getName());
                }
            }
        }
    }

    static void print(Result r, Options.Outbox o) {
        System.out.println();
        System.out.println("## Results: outbox and push (in this process)");
        System.out.println();
        System.out.println("- load average at the end: " + Main.loadAverage());
        LatencyRun l = r.latency();
        Delivery d = l.delivery();
        String fake = o.fcmDelayMillis() > 0 ? ", the fake FCM answering after " + o.fcmDelayMillis() + " ms" : "";
        Table latency = new Table("4a. Outbox: commit → FCM request latency (" + Math.round(l.askedRate()) + " writes/s asked, "
                + l.seconds() + " s, " + l.workers() + " worker threads" + fake + ")",
                "writes", "writes/s", "start lateness p99 / max ms", "write p50 / p99 ms", "pushes accepted / expected",
                "missing", "dup", "unexpected", "p50 ms", "p90 ms", "p99 ms", "max ms", "pending / dead after");
        latency.row(l.asked(), String.format(Locale.ROOT, "%.1f", l.achievedRate()),
                Percentiles.ms(l.lateness().at(99)) + " / " + Percentiles.ms(l.lateness().max()),
                Percentiles.ms(l.call().median()) + " / " + Percentiles.ms(l.call().at(99)),
                d.accepted() + " / " + (d.written() - l.failures()), d.missing(), d.duplicates(), d.unexpected() + d.wrongEntity(),
                Percentiles.ms(d.latency().median()), Percentiles.ms(d.latency().at(90)), Percentiles.ms(d.latency().at(99)),
                Percentiles.ms(d.latency().max()), l.counts().pending() + " / " + l.counts().dead());
        latency.note("latency = when the fake FCM server's handler got the send request − when `addTask` returned "
                + "(committed); both `System.nanoTime()` in this JVM; one push per write, matched by event and seq "
                + "(from the change log)");
        latency.note("target: p99 < 1 s at 100 writes/s");
        latency.note("writes round-robin over " + l.events() + " events, each written every "
                + Math.round(l.events() / l.askedRate()) + " s (coalescing window 10 s), so each write pushes; "
                + "start lateness = when a write started − when it was due (open loop, " + o.writers() + " writer threads); "
                + (l.achievedRate() < 0.98 * l.askedRate() || l.lateness().at(99) > 100_000
                ? "the writers FELL BEHIND the schedule" : "the writers kept to the schedule"));
        latency.note("last push " + l.drainAfterLastWrite().toMillis() + " ms after the last commit; warm-up: " + l.warmup());
        latency.note("over the run: " + l.cpu() + "; busiest threads of this JVM: " + l.threads());
        latency.note("PostgreSQL backends (sampled every 25 ms): " + l.waits());
        latency.note("tables read sequentially over the run (pg_stat_user_tables): " + l.seqScans());
        if (l.failures() > 0) {
            latency.note("FAILED WRITES: " + l.failures() + ", the first: " + l.firstFailure());
        }
        latency.print(System.out);

        Table throughput = new Table("4b. Outbox throughput: " + o.writes() + " writes enqueued with the workers stopped, then drained"
                + fake,
                "workers", "enqueue writes/s", "pending at start", "first request s", "drained s", "fan-outs + pushes /s",
                "FCM requests/s", "FCM requests/s while sending", "pushes accepted / expected", "missing", "dup",
                "unexpected", "pending / dead after");
        for (DrainRun run : r.drains()) {
            Delivery dd = run.delivery();
            throughput.row(run.workers(),
                    String.format(Locale.ROOT, "%.0f", run.writes() / Math.max(1e-9, run.enqueue().toNanos() / 1e9)),
                    run.pendingBefore(), String.format(Locale.ROOT, "%.2f", run.firstRequest().toMillis() / 1000.0),
                    String.format(Locale.ROOT, "%.2f", run.empty().toMillis() / 1000.0),
                    String.format(Locale.ROOT, "%.0f", run.itemsPerSecond()),
                    String.format(Locale.ROOT, "%.0f", run.requestsPerSecond()),
                    String.format(Locale.ROOT, "%.0f", run.requestsPerSecondWhileSending()),
                    dd.accepted() + " / " + (dd.written() - run.failures()), dd.missing(), dd.duplicates(),
                    dd.unexpected() + dd.wrongEntity(), run.counts().pending() + " / " + run.counts().dead());
        }
        throughput.note("each write goes to its own event (no coalescing), so it is one fan-out item and one push item; "
                + "drained = from starting the workers until nothing is pending; fan-outs + pushes /s = 2 × writes / drained; "
                + "FCM requests/s = accepted sends / (last send's arrival − start); while sending: from the first send's "
                + "arrival to the last's. The claim takes the oldest due items first, so with a backlog every fan-out "
                + "is expanded before the first push goes (first request)");
        for (DrainRun run : r.drains()) {
            throughput.note(run.workers() + " workers: " + run.cpu() + "; busiest threads: " + run.threads()
                    + "; PostgreSQL backends: " + run.waits() + "; tables read sequentially (enqueue and drain): "
                    + run.seqScans() + (run.failures() > 0 ? "; FAILED WRITES " + run.failures() + ": " + run.firstFailure() : ""));
        }
        throughput.print(System.out);

        System.out.println();
        System.out.println("- outbox set-up: " + r.setup() + "; " + r.events() + " events seeded in "
                + String.format(Locale.ROOT, "%.1f", r.seeding().toMillis() / 1000.0) + " s");
        System.out.println("- fake FCM over the whole scenario: " + r.requestsOverall() + " send requests, "
                + r.acceptedOverall() + " accepted, " + r.duplicatesOverall() + " accepted twice (same token and seq); "
                + r.workerFailures() + " worker loop failures");
        System.out.println("- log lines in this process: " + r.warnings() + " WARN, " + r.errors() + " ERROR"
                + (r.problems().isEmpty() ? "" : ":"));
        r.problems().forEach(line -> System.out.println("  - " + line));
        System.out.println("- correct (every write's push accepted exactly once, nothing pending or dead): "
                + (r.correct() ? "yes" : "NO"));
        System.out.flush();
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    System.err.println("could not delete " + path + ": " + e);
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
