package eu.heapzilla.eventa.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark's settings, from its command line. {@code --quick} starts from small sizes
 * that finish in about a minute and a half (a smoke check); any other option given overrides.
 *
 * @param serverJar the eventa-server.jar to run
 * @param serverJvm JVM options for the server process, before {@code -jar}
 * @param serverEnv extra environment of the server process ({@code NAME=value}), such as {@code EVENTA_DATABASE_POOL_SIZE=20}
 * @param subscribers the subscriber counts of scenario 1, each a run
 * @param instrumented how many of scenario 1's subscribers are measured WebSocket clients (0: all); the rest
 *                     are {@link DrainConnections}, which load the server alike but cost the client next to nothing
 * @param rate writes per second asked of the writer in scenario 1
 * @param warmupSeconds seconds written before the measured window
 * @param seconds seconds of the measured window
 * @param inFlight tasks the writer edits, so the most writes in flight at once
 * @param postEvery every how many writes one creates a task instead of editing one (0: never)
 * @param idle connections to open in scenario 2
 * @param idleBatch handshakes in flight at once while opening them
 * @param idleHoldSeconds how long to hold them idle before measuring
 * @param catchup changes to fall behind by in scenario 3
 * @param catchupRepeats catch-ups to time
 * @param httpClients HttpClients the WebSocket connections are spread over
 * @param callbackThreads threads running WebSocket callbacks
 * @param scenarios which scenarios to run: latency, catchup, idle, pages, outbox
 * @param serverWarmup the most REST writes (with live delivery and replays) to warm the server up with before
 *                     measuring; it stops earlier once the JIT compilers rest
 * @param keepLog keep the server's log file after the run
 * @param outbox the outbox scenario's settings
 * @param slow the slow-clients scenario's settings
 */
record Options(Path serverJar, List<String> serverJvm, java.util.Map<String, String> serverEnv, List<Integer> subscribers, int instrumented, double rate, int warmupSeconds,
               int seconds, int inFlight, int postEvery, int idle, int idleBatch, int idleHoldSeconds, int catchup,
               int catchupRepeats, int httpClients, int callbackThreads, Set<String> scenarios, int serverWarmup, boolean keepLog,
               boolean quick, Outbox outbox, Slow slow) {

    /** The scenarios that run against the server process; the outbox scenario runs in this one. */
    static final Set<String> SERVER_SCENARIOS = Set.of("latency", "catchup", "idle", "pages");

    /**
     * The outbox scenario (in process: the core on an embedded PostgreSQL, pushes through the
     * Firebase Admin SDK to a fake FCM server).
     *
     * @param rate writes per second of the latency run (and its warm-up)
     * @param warmupSeconds seconds written at {@code rate} before the latency run, not measured
     * @param seconds seconds of the latency run
     * @param workers outbox worker threads during the warm-up and the latency run
     * @param writes writes enqueued (workers stopped) for each throughput run
     * @param drainWorkers worker threads of the throughput runs, one run each
     * @param writers threads issuing the writes
     * @param events events seeded, each with a writer and a recipient with one push device; 0: enough
     *               that every write pushes despite the coalescing window ({@code rate} × 15 s, and
     *               {@code writes})
     * @param fcmDelayMillis how long the fake FCM server waits before answering each send (0: at once),
     *                       standing for FCM's round trip
     */
    record Outbox(double rate, int warmupSeconds, int seconds, int workers, int writes, List<Integer> drainWorkers,
                  int writers, int events, int fcmDelayMillis) {
    }

    /**
     * The slow-clients scenario (a server process of its own, with the production limits).
     *
     * @param bodies slow-body connection counts, one phase each
     * @param headers slow-header connection counts, one phase each
     * @param holdSeconds how long each phase is measured, once its connections are open
     * @param addresses how many loopback addresses the attack comes from
     * @param periodMillis the time between two bytes of one attack connection
     */
    record Slow(List<Integer> bodies, List<Integer> headers, int holdSeconds, int addresses, int periodMillis) {
    }

    /** Whether any scenario needs the server process. */
    boolean needsServer() {
        return scenarios.stream().anyMatch(SERVER_SCENARIOS::contains);
    }

    static final String USAGE = """
            usage: java -jar benchmarks/target/eventa-benchmarks.jar [options]
              --server-jar PATH        eventa-server.jar to run (default app-server/target/eventa-server.jar)
              --server-jvm "OPTS"      server JVM options (default "-Xmx1g")
              --server-env NAME=value  extra server environment (repeatable), e.g. EVENTA_DATABASE_POOL_SIZE=20
              --subscribers 1,50,500   scenario 1: subscriber counts, one run each
              --instrumented 0         scenario 1: measure only this many subscribers with full WebSocket
                                       clients, the others only drain their sockets (0: measure all)
              --rate 200               scenario 1: writes per second
              --warmup 2               scenario 1: seconds of warm-up before measuring
              --seconds 10             scenario 1: seconds measured
              --in-flight 16           most writes in flight (tasks the writer edits)
              --post-every 10          every n-th write creates a task instead of editing one (0: never)
              --idle 10000             scenario 2: connections to open
              --idle-batch 200         scenario 2: handshakes in flight at once
              --idle-hold 10           scenario 2: seconds to hold them idle before measuring
              --catchup 1000           scenario 3: changes to fall behind by
              --catchup-repeats 10     scenario 3: catch-ups to time
              --http-clients 4         HttpClients (selector threads) the connections share
              --callback-threads 4     threads running WebSocket callbacks
              --server-warmup 40000    most writes (delivered live, and replayed) to warm the server up with,
                                       until the JIT compilers rest (at least 10000)
              --outbox-rate 100        outbox: writes per second of the latency run
              --outbox-warmup 20       outbox: seconds written at that rate before measuring
              --outbox-seconds 60      outbox: seconds of the latency run
              --outbox-workers 2       outbox: worker threads in the latency run
              --outbox-writes 10000    outbox: writes enqueued for each throughput run (one push each)
              --outbox-drain-workers 2,4   outbox: worker threads of the throughput runs, one run each
              --outbox-writers 4       outbox: threads issuing the writes
              --outbox-events 0        outbox: events to seed (0: enough that every write pushes)
              --outbox-fcm-delay 0     outbox: ms the fake FCM server waits before answering each send
              --slow-bodies 300,2000   slow: slow-body connections, one phase each (0: none)
              --slow-headers 5000      slow: slow-header connections, one phase each (0: none)
              --slow-hold 60           slow: seconds each phase is measured
              --slow-addresses 100     slow: loopback addresses the attack comes from (127.0.1.1 …)
              --slow-period 3000       slow: ms between two bytes of one attack connection
              --only latency,catchup,idle,pages,slow,outbox   run only these scenarios (pages: the web app's
                                       guest list and overview of a large event, rendered 1 000 times each;
                                       slow: slow clients against a server with the production limits)
              --keep-log               keep the server's log (its path is printed)
              --quick                  small sizes for a smoke check (about 1.5 minutes, of which the outbox
                                       scenario takes one); later options override
            """;

    static Options parse(String[] args) {
        List<String> list = Arrays.asList(args);
        boolean quick = list.contains("--quick");
        Path jar = Path.of("app-server/target/eventa-server.jar");
        if (!Files.exists(jar) && Files.exists(Path.of("../app-server/target/eventa-server.jar"))) {
            jar = Path.of("../app-server/target/eventa-server.jar");
        }
        List<String> jvm = List.of("-Xmx1g");
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        List<Integer> subscribers = quick ? List.of(1, 10) : List.of(1, 50, 500);
        int instrumented = 0;
        double rate = quick ? 50 : 200;
        int warmup = quick ? 1 : 2;
        int seconds = quick ? 3 : 10;
        int inFlight = 16;
        int postEvery = 10;
        int idle = quick ? 300 : 10_000;
        int idleBatch = 200;
        int idleHold = quick ? 2 : 10;
        int catchup = quick ? 200 : 1000;
        int catchupRepeats = quick ? 3 : 10;
        int httpClients = 4;
        int callbackThreads = 4;
        Set<String> scenarios = new LinkedHashSet<>(List.of("latency", "catchup", "idle", "pages", "slow", "outbox"));
        List<Integer> slowBodies = List.of(300, 2000);
        List<Integer> slowHeaders = List.of(5000);
        int slowHold = quick ? 10 : 60;
        int slowAddresses = 100;
        int slowPeriod = 3000;
        int serverWarmup = quick ? 500 : 40_000;
        boolean keepLog = false;
        double outboxRate = quick ? 20 : 100;
        int outboxWarmup = quick ? 3 : 20;
        int outboxSeconds = quick ? 5 : 60;
        int outboxWorkers = 2;
        int outboxWrites = quick ? 300 : 10_000;
        List<Integer> outboxDrainWorkers = List.of(2, 4);
        int outboxWriters = 4;
        int outboxEvents = 0;
        int outboxFcmDelay = 0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--quick" -> { }
                case "--keep-log" -> keepLog = true;
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--server-jar" -> jar = Path.of(value);
                        case "--server-jvm" -> jvm = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                        case "--server-env" -> {
                            int eq = value.indexOf('=');
                            if (eq < 1) {
                                throw new IllegalArgumentException("--server-env takes NAME=value");
                            }
                            env.put(value.substring(0, eq), value.substring(eq + 1));
                        }
                        case "--subscribers" -> subscribers = ints(value);
                        case "--instrumented" -> instrumented = Integer.parseInt(value);
                        case "--rate" -> rate = Double.parseDouble(value);
                        case "--warmup" -> warmup = Integer.parseInt(value);
                        case "--seconds" -> seconds = Integer.parseInt(value);
                        case "--in-flight" -> inFlight = Integer.parseInt(value);
                        case "--post-every" -> postEvery = Integer.parseInt(value);
                        case "--idle" -> idle = Integer.parseInt(value);
                        case "--idle-batch" -> idleBatch = Integer.parseInt(value);
                        case "--idle-hold" -> idleHold = Integer.parseInt(value);
                        case "--catchup" -> catchup = Integer.parseInt(value);
                        case "--catchup-repeats" -> catchupRepeats = Integer.parseInt(value);
                        case "--http-clients" -> httpClients = Integer.parseInt(value);
                        case "--callback-threads" -> callbackThreads = Integer.parseInt(value);
                        case "--server-warmup" -> serverWarmup = Integer.parseInt(value);
                        case "--outbox-rate" -> outboxRate = Double.parseDouble(value);
                        case "--outbox-warmup" -> outboxWarmup = Integer.parseInt(value);
                        case "--outbox-seconds" -> outboxSeconds = Integer.parseInt(value);
                        case "--outbox-workers" -> outboxWorkers = Integer.parseInt(value);
                        case "--outbox-writes" -> outboxWrites = Integer.parseInt(value);
                        case "--outbox-drain-workers" -> outboxDrainWorkers = ints(value);
                        case "--outbox-writers" -> outboxWriters = Integer.parseInt(value);
                        case "--outbox-events" -> outboxEvents = Integer.parseInt(value);
                        case "--outbox-fcm-delay" -> outboxFcmDelay = Integer.parseInt(value);
                        case "--slow-bodies" -> slowBodies = positive(ints(value));
                        case "--slow-headers" -> slowHeaders = positive(ints(value));
                        case "--slow-hold" -> slowHold = Integer.parseInt(value);
                        case "--slow-addresses" -> slowAddresses = Integer.parseInt(value);
                        case "--slow-period" -> slowPeriod = Integer.parseInt(value);
                        case "--only" -> scenarios = new LinkedHashSet<>(List.of(value.split(",")));
                        default -> throw new IllegalArgumentException("unknown option " + option);
                    }
                }
            }
        }
        if (rate <= 0 || seconds < 1 || warmup < 0 || inFlight < 1 || idleBatch < 1 || catchupRepeats < 1
                || httpClients < 1 || callbackThreads < 1 || catchup < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        if (outboxRate <= 0 || outboxSeconds < 1 || outboxWarmup < 0 || outboxWorkers < 1 || outboxWrites < 0
                || outboxWriters < 1 || outboxEvents < 0 || outboxFcmDelay < 0 || outboxDrainWorkers.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("outbox sizes must be positive");
        }
        if (slowHold < 1 || slowAddresses < 1 || slowAddresses > 250 || slowPeriod < 1) {
            throw new IllegalArgumentException("slow sizes must be positive (at most 250 addresses)");
        }
        for (String scenario : scenarios) {
            if (!SERVER_SCENARIOS.contains(scenario) && !scenario.equals("outbox") && !scenario.equals("slow")) {
                throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
        return new Options(jar, jvm, java.util.Map.copyOf(env), subscribers, instrumented, rate, warmup, seconds, inFlight, postEvery, idle, idleBatch, idleHold,
                catchup, catchupRepeats, httpClients, callbackThreads, scenarios, serverWarmup, keepLog, quick,
                new Outbox(outboxRate, outboxWarmup, outboxSeconds, outboxWorkers, outboxWrites, outboxDrainWorkers,
                        outboxWriters, outboxEvents, outboxFcmDelay),
                new Slow(slowBodies, slowHeaders, slowHold, slowAddresses, slowPeriod));
    }

    private static List<Integer> positive(List<Integer> counts) {
        return counts.stream().filter(n -> n > 0).toList();
    }

    private static List<Integer> ints(String value) {
        List<Integer> ints = new ArrayList<>();
        for (String part : value.split(",")) {
            ints.add(Integer.parseInt(part.trim()));
        }
        return List.copyOf(ints);
    }
}
