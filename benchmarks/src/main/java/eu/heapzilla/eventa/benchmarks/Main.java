package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the real-time benchmarks against a fresh {@code eventa-server.jar} process, then the
 * outbox benchmark in this process, and prints one table per scenario, with the machine and the
 * JVMs they ran on. Exits with 1 when a scenario failed or a correctness check (every change
 * delivered once, in order; every push accepted once) did not hold.
 */
public final class Main {

    /** What the scenarios share: the settings, the server, the clients, and who is signed in. */
    record Context(Options options, ServerProcess server, Api api, WsPool pool, MailSignIn signIn,
                   MailSignIn.SignedIn owner, String memberEmail) {
    }

    private static final long STARTED = System.nanoTime();

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // The fake FCM server runs on the JDK's HTTP server, which by default leaves Nagle's algorithm
        // on: its response goes out as headers, then body, and the body waits for the SDK's delayed
        // ACK, about 40 ms per send on Linux. Read once, when the first HttpServer is made; FCM itself
        // does not answer like that, so the outbox scenario measures without it.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("eventa-benchmarks: " + e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(Options o) throws Exception {
        printMachine(o);
        boolean failed = false;
        if (o.needsServer()) {
            failed = againstServer(o);
        }
        if (o.scenarios().contains("slow")) {
            // A server of its own, after the other one has stopped, with the limits people get.
            try {
                SlowClientsBench.print(new SlowClientsBench(o).run(), o);
            } catch (Exception e) {
                failed = true;
                log("slow clients FAILED: %s", e);
                e.printStackTrace();
            }
        }
        if (o.scenarios().contains("outbox")) {
            // In this process, after the server (if any) has stopped: the two never share the cores.
            try {
                OutboxBench.Result outbox = new OutboxBench(o.outbox()).run();
                OutboxBench.print(outbox, o.outbox());
                failed |= !outbox.correct();
            } catch (Exception e) {
                failed = true;
                log("outbox FAILED: %s", e);
                e.printStackTrace();
            }
        }
        log("done%s", failed ? " — WITH FAILURES (see above)" : "");
        return failed ? 1 : 0;
    }

    /** The real-time scenarios, against a fresh server process; true when one failed. */
    private static boolean againstServer(Options o) throws Exception {
        ServerProcess server = ServerProcess.start(o.serverJar(), o.serverJvm(), o.serverEnv());
        Thread cleanup = new Thread(server::close, "stop-eventa");
        Runtime.getRuntime().addShutdownHook(cleanup);
        AtomicInteger restThreads = new AtomicInteger();
        ExecutorService rest = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "rest-" + restThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        boolean failed = false;
        try (WsPool pool = new WsPool(server.webSocket(), o.httpClients(), o.callbackThreads())) {
            Duration ready = server.awaitReady(Duration.ofSeconds(120));
            log("server pid %d ready in %d ms at %s; %s", server.pid(), ready.toMillis(), server.base(),
                    server.firstLogLine("eventa is ready").replaceAll("^.* - ", ""));
            Api api = new Api(server.base(), rest);
            MailSignIn signIn = new MailSignIn(api, server.mailDir());
            MailSignIn.SignedIn owner = signIn.signIn("bench-owner@example.org");
            Context ctx = new Context(o, server, api, pool, signIn, owner, "bench-member@example.org");

            if (o.serverWarmup() > 0) {
                new ServerWarmup(ctx).run(o.serverWarmup());
            }
            List<LatencyBench.Result> latency = new ArrayList<>();
            CatchUpBench.Result catchUp = null;
            IdleConnectionsBench.Result idle = null;
            WebPagesBench.Result pages = null;
            if (o.scenarios().contains("latency")) {
                for (int subscribers : o.subscribers()) {
                    try {
                        latency.add(new LatencyBench(ctx).run(subscribers));
                    } catch (Exception e) {
                        failed = true;
                        log("latency with %d subscribers FAILED: %s", subscribers, e);
                        e.printStackTrace();
                    }
                }
            }
            if (o.scenarios().contains("catchup")) {
                try {
                    catchUp = new CatchUpBench(ctx).run();
                } catch (Exception e) {
                    failed = true;
                    log("catch-up FAILED: %s", e);
                    e.printStackTrace();
                }
            }
            if (o.scenarios().contains("idle")) {
                try {
                    idle = new IdleConnectionsBench(ctx).run();
                } catch (Exception e) {
                    failed = true;
                    log("idle connections FAILED: %s", e);
                    e.printStackTrace();
                }
            }

            if (o.scenarios().contains("pages")) {
                try {
                    pages = new WebPagesBench(ctx).run();
                } catch (Exception e) {
                    failed = true;
                    log("pages FAILED: %s", e);
                    e.printStackTrace();
                }
            }

            System.out.println();
            System.out.println("## Results");
            System.out.println();
            System.out.println("- load average at the end: " + loadAverage());
            if (!latency.isEmpty()) {
                LatencyBench.print(latency, o);
                failed |= latency.stream().anyMatch(r -> !r.check().correct() || r.writeFailures() > 0);
            }
            if (idle != null) {
                IdleConnectionsBench.print(idle, server);
            }
            if (catchUp != null) {
                CatchUpBench.print(catchUp);
                failed |= catchUp.failures() > 0;
            }
            if (pages != null) {
                WebPagesBench.print(pages);
            }
            failed |= printProblems(server);
        } finally {
            rest.shutdownNow();
            server.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
            if (o.keepLog()) {
                System.out.println("\nserver log kept: " + server.log());
            } else {
                server.deleteLog();
            }
        }
        return failed;
    }

    /** What went wrong on either side: frames that signal trouble, and the server's WARN/ERROR lines. */
    private static boolean printProblems(ServerProcess server) throws IOException {
        System.out.println();
        System.out.println("### Problems seen");
        System.out.println();
        System.out.printf("- client: %d `error` frames, %d `resync`, %d `revoked`, %d connections closed or failed "
                        + "without the client asking%n", WsClient.ERRORS.get(), WsClient.RESYNCS.get(),
                WsClient.REVOKED.get(), WsClient.UNEXPECTED_CLOSES.get());
        WsClient.FIRST_PROBLEMS.forEach((kind, example) -> System.out.printf("  - first %s: %s%n", kind, example));
        List<String> problems = server.logProblems();
        Set<String> distinct = new LinkedHashSet<>();
        for (String line : problems) {
            distinct.add(line.replaceFirst("^\\S+ ", "").replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>"));
        }
        System.out.printf("- server log: %d WARN/ERROR/stack-trace lines, %d distinct%n", problems.size(), distinct.size());
        distinct.stream().limit(25).forEach(line -> System.out.println("  - " + line));
        return WsClient.ERRORS.get() > 0 || problems.stream().anyMatch(line -> line.matches("^\\S+ ERROR\\b.*"));
    }

    private static void printMachine(Options o) throws IOException {
        var runtime = ManagementFactory.getRuntimeMXBean();
        System.out.println("## eventa real-time benchmarks");
        System.out.println();
        System.out.println("- machine: " + Runtime.getRuntime().availableProcessors() + " cores ("
                + firstValue(Path.of("/proc/cpuinfo"), "model name") + "), "
                + memory() + " memory, load average " + loadAverage() + " at start; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + "; open files per process: " + firstValue(Path.of("/proc/self/limits"), "Max open files").split(" ")[0]);
        System.out.println("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")" + (o.needsServer() ? ", the same binary for server and client" : "")
                + "; this process: " + (runtime.getInputArguments().isEmpty() ? "default options"
                : String.join(" ", runtime.getInputArguments())) + " (max heap "
                + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB)");
        if (o.scenarios().contains("outbox")) {
            Options.Outbox b = o.outbox();
            System.out.println("- outbox (in this process): " + Math.round(b.rate()) + " writes/s, " + b.warmupSeconds()
                    + " s warm-up + " + b.seconds() + " s measured with " + b.workers() + " worker threads; throughput runs of "
                    + b.writes() + " writes with " + b.drainWorkers() + " worker threads; " + b.writers() + " writer threads"
                    + (b.events() > 0 ? "; " + b.events() + " events" : "")
                    + (b.fcmDelayMillis() > 0 ? "; the fake FCM server answers after " + b.fcmDelayMillis() + " ms" : "")
                    + (o.quick() ? "; QUICK mode (smoke sizes, not figures)" : ""));
        }
        if (!o.needsServer()) {
            System.out.println();
            return;
        }
        System.out.println("- server: " + o.serverJar() + ", JVM options " + String.join(" ", o.serverJvm())
                + (o.serverEnv().isEmpty() ? "" : ", environment " + o.serverEnv())
                + ", embedded PostgreSQL in a fresh temporary directory, on 127.0.0.1");
        System.out.println("- client: JVM options " + String.join(" ", runtime.getInputArguments()) + ", "
                + o.httpClients() + " HttpClients, " + o.callbackThreads() + " callback threads"
                + (o.quick() ? "; QUICK mode (smoke sizes, not figures)" : ""));
        System.out.println("- settings: subscribers " + o.subscribers() + ", " + Math.round(o.rate()) + " writes/s, "
                + o.warmupSeconds() + " s warm-up + " + o.seconds() + " s, " + o.inFlight() + " in flight, a POST every "
                + o.postEvery() + " writes; server warm-up " + o.serverWarmup() + " writes; idle " + o.idle() + " (" + o.idleBatch() + " at a time, held "
                + o.idleHoldSeconds() + " s); catch-up " + o.catchup() + " × " + o.catchupRepeats());
        System.out.println();
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(key.length()).replaceFirst("^[\\s:]+", "").replaceAll("\\s+", " ").strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return "?";
    }

    private static String memory() {
        String total = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", Long.parseLong(total.split(" ")[0]) / 1024.0 / 1024.0);
        } catch (RuntimeException e) {
            return total;
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** A progress line on stderr, with the time since the benchmark started. */
    static void log(String format, Object... args) {
        long seconds = Duration.ofNanos(System.nanoTime() - STARTED).toSeconds();
        System.err.printf("[%s +%ds] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), seconds, String.format(format, args));
    }
}
