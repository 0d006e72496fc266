package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scenario {@code slow}: slow and greedy clients against a server of its own, started with the
 * production defaults for connections and timeouts (only the per-bearer request limit is lifted,
 * as for every scenario). While an attacker holds connections that send a request head and then
 * one byte every {@code period} (slow bodies: a {@code POST /api/v1/events} with its bearer and
 * {@code Content-Length: 200}; slow headers: {@code GET /health} whose head never ends), a second
 * user's requests are timed ({@link Victim}). Each phase opens its connections first (up to
 * {@link Trickler#RAMP_BATCH} handshakes per 50 ms), then measures for the hold time, then closes
 * everything and waits {@value #SETTLE_SECONDS} s. The attack comes from {@code addresses}
 * loopback addresses (127.0.1.1, 127.0.1.2, …), the victim from 127.0.0.1.
 */
final class SlowClientsBench {

    static final int SETTLE_SECONDS = 5;
    private static final int BODY_BYTES = 200;

    private final Options options;

    SlowClientsBench(Options options) {
        this.options = options;
    }

    enum Kind { NONE, SLOW_BODY, SLOW_HEADER }

    record Phase(Kind kind, int connections) {

        String label() {
            return switch (kind) {
                case NONE -> "no attack";
                case SLOW_BODY -> connections + " slow bodies";
                case SLOW_HEADER -> connections + " slow headers";
            };
        }
    }

    record PhaseResult(Phase phase, Percentiles me, Percentiles health, Percentiles freshHealth, long timeouts, long failures,
                       long heldMin, long heldMax, long opened, long connectFailures, Map<Integer, Long> answers,
                       long closedUnanswered, long threadsBefore, long threadsPeak, long rssPeakKib) {
    }

    record Result(String jar, List<PhaseResult> phases, String limits) {
    }

    Result run() throws Exception {
        Options.Slow slow = options.slow();
        ServerProcess server = ServerProcess.start(options.serverJar(), options.serverJvm(), options.serverEnv(), false);
        Thread cleanup = new Thread(server::close, "stop-eventa-slow");
        Runtime.getRuntime().addShutdownHook(cleanup);
        ExecutorService rest = Executors.newFixedThreadPool(2);
        try {
            server.awaitReady(java.time.Duration.ofSeconds(120));
            Main.log("slow: server pid %d ready at %s", server.pid(), server.base());
            Api api = new Api(server.base(), rest);
            MailSignIn signIn = new MailSignIn(api, server.mailDir());
            String victim = signIn.signIn("slow-victim@example.org").bearer();
            String attacker = signIn.signIn("slow-attacker@example.org").bearer();
            warmUp(api, victim);

            List<Phase> phases = new ArrayList<>();
            phases.add(new Phase(Kind.NONE, 0));
            slow.bodies().forEach(n -> phases.add(new Phase(Kind.SLOW_BODY, n)));
            slow.headers().forEach(n -> phases.add(new Phase(Kind.SLOW_HEADER, n)));
            List<PhaseResult> results = new ArrayList<>();
            for (Phase phase : phases) {
                results.add(run(server, phase, victim, attacker, slow));
            }
            return new Result(options.serverJar().toString(), results, limits(server));
        } finally {
            rest.shutdownNow();
            server.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
            if (options.keepLog()) {
                System.out.println("\nslow scenario's server log kept: " + server.log());
            } else {
                server.deleteLog();
            }
        }
    }

    /** A few hundred ordinary requests, so that the first measured ones do not pay for class loading and the JIT. */
    private static void warmUp(Api api, String bearer) {
        for (int i = 0; i < 300; i++) {
            api.call("GET", "/api/v1/me", bearer, null, 200);
            api.call("GET", "/health", null, null, 200);
        }
    }

    private PhaseResult run(ServerProcess server, Phase phase, String victimBearer, String attackerBearer, Options.Slow slow)
            throws Exception {
        Trickler attack = null;
        long threadsBefore = server.threads();
        if (phase.kind() != Kind.NONE) {
            attack = new Trickler(new InetSocketAddress("127.0.0.1", server.port()), sources(slow.addresses()), phase.connections(),
                    head(phase.kind(), server.port(), attackerBearer), trickle(phase.kind()), slow.periodMillis()).start();
            long rampDeadline = System.nanoTime() + 60_000_000_000L;
            while (attack.held() < phase.connections() && System.nanoTime() < rampDeadline) {
                Thread.sleep(50);
            }
            Main.log("slow: %s: %d held after the ramp (%d opened, %d connect failures)", phase.label(), attack.held(),
                    attack.opened(), attack.connectFailures());
        }
        long heldMin = Long.MAX_VALUE;
        long heldMax = 0;
        long threadsPeak = 0;
        long rssPeak = 0;
        try (Victim victim = new Victim(server.base(), victimBearer).start()) {
            long end = System.nanoTime() + slow.holdSeconds() * 1_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(500);
                threadsPeak = Math.max(threadsPeak, server.threads());
                rssPeak = Math.max(rssPeak, server.rssKib());
                if (attack != null) {
                    heldMin = Math.min(heldMin, attack.held());
                    heldMax = Math.max(heldMax, attack.held());
                }
            }
            victim.close();
            PhaseResult result = new PhaseResult(phase, victim.me.percentiles(), victim.health.percentiles(),
                    victim.freshHealth.percentiles(), victim.me.timeouts + victim.health.timeouts + victim.freshHealth.timeouts,
                    victim.me.failures + victim.health.failures + victim.freshHealth.failures,
                    attack == null ? 0 : heldMin, heldMax, attack == null ? 0 : attack.opened(),
                    attack == null ? 0 : attack.connectFailures(), attack == null ? Map.of() : attack.answers(),
                    attack == null ? 0 : attack.closedUnanswered(), threadsBefore, threadsPeak, rssPeak);
            Main.log("slow: %s: /me p50 %s p99 %s ms, /health p99 %s ms, new-connection /health p99 %s ms, %d timeouts; "
                            + "attackers held %d–%d, answered %s, %d closed unanswered; server threads %d → %d",
                    phase.label(), Percentiles.ms(result.me().median()), Percentiles.ms(result.me().at(99)),
                    Percentiles.ms(result.health().at(99)), Percentiles.ms(result.freshHealth().at(99)), result.timeouts(),
                    result.heldMin(), result.heldMax(), result.answers(), result.closedUnanswered(), threadsBefore, threadsPeak);
            return result;
        } finally {
            if (attack != null) {
                attack.close();
            }
            Thread.sleep(SETTLE_SECONDS * 1000L);
        }
    }

    private static List<InetAddress> sources(int count) throws UnknownHostException {
        List<InetAddress> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(InetAddress.getByName("127.0.1." + (1 + i % 250)));
        }
        return sources;
    }

    private static String head(Kind kind, int port, String bearer) {
        return switch (kind) {
            case SLOW_BODY -> "POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + bearer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY_BYTES + "\r\n\r\n";
            case SLOW_HEADER -> "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Slow: ";
            case NONE -> throw new IllegalArgumentException();
        };
    }

    /** What is sent one byte at a time after the head: a 200-byte JSON body, or a header value that never ends. */
    private static String trickle(Kind kind) {
        if (kind == Kind.SLOW_HEADER) {
            return "a";
        }
        String start = "{\"title\": \"";
        String end = "\"}";
        return start + "x".repeat(BODY_BYTES - start.length() - end.length()) + end;
    }

    /** The server's connection and timeout settings as its environment gave them (defaults when unset). */
    private String limits(ServerProcess server) {
        List<String> set = new ArrayList<>();
        options.serverEnv().forEach((name, value) -> set.add(name + "=" + value));
        return set.isEmpty() ? "production defaults" : String.join(", ", set);
    }

    static void print(Result result, Options options) throws IOException {
        Options.Slow slow = options.slow();
        Table table = new Table("Scenario slow: slow clients against " + result.jar() + " (" + slow.holdSeconds() + " s each, a byte every "
                + slow.periodMillis() + " ms, from " + slow.addresses() + " addresses)",
                "attack", "held", "/me p50 ms", "/me p99 ms", "/health p50 ms", "/health p99 ms", "new conn p50 ms",
                "new conn p99 ms", "timeouts", "server answered attackers", "closed unanswered", "server threads");
        for (PhaseResult r : result.phases()) {
            table.row(r.phase().label(), r.phase().kind() == Kind.NONE ? "–" : r.heldMin() + "–" + r.heldMax(),
                    Percentiles.ms(r.me().median()), Percentiles.ms(r.me().at(99)), Percentiles.ms(r.health().median()),
                    Percentiles.ms(r.health().at(99)), Percentiles.ms(r.freshHealth().median()), Percentiles.ms(r.freshHealth().at(99)),
                    r.timeouts() + (r.failures() > 0 ? " (+" + r.failures() + " not 200)" : ""),
                    r.answers().isEmpty() ? "–" : answers(r.answers()), r.closedUnanswered(),
                    r.threadsBefore() + " → " + r.threadsPeak());
        }
        table.note("victim: one request every " + Victim.INTERVAL_MILLIS + " ms from 127.0.0.1, in turn GET /api/v1/me and GET /health "
                + "on one kept-alive connection and GET /health on a new connection; a request over " + Victim.TIMEOUT.toSeconds()
                + " s counts as a timeout and as " + Victim.TIMEOUT.toSeconds() + " s in the percentiles");
        table.note("held: attack connections open during the measured window (min–max); a connection the server answers or "
                + "closes is replaced after 1 s; answered: HTTP status of the server's answers to attack connections "
                + "(-1: a partial status line)");
        table.note("server: " + result.limits() + "; JVM " + String.join(" ", options.serverJvm()) + "; open files per process "
                + openFiles());
        table.print(System.out);
    }

    private static String answers(Map<Integer, Long> answers) {
        StringBuilder text = new StringBuilder();
        answers.forEach((status, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append("× ").append(status));
        return text.toString();
    }

    private static String openFiles() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                return line.replaceAll("\\s+", " ").replace("Max open files ", "").split(" ")[0];
            }
        }
        return "?";
    }
}
