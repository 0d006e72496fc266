package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code java -jar eventa-server.jar} as a separate process on a fresh temporary data directory
 * (so with its own embedded PostgreSQL), a free port on 127.0.0.1 and the development mailer.
 * {@link #close()} stops it (SIGTERM, then SIGKILL of it and anything it started) and deletes
 * the directory; the server's output goes to a log file outside that directory.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern LOG_LEVEL = Pattern.compile("^\\S+ (WARN|ERROR)\\b");

    private final Process process;
    private final Path dataRoot;
    private final Path log;
    private final int port;
    private final List<String> jvmArgs;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private boolean closed;

    private ServerProcess(Process process, Path dataRoot, Path log, int port, List<String> jvmArgs) {
        this.process = process;
        this.dataRoot = dataRoot;
        this.log = log;
        this.port = port;
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    /** Launches the jar with {@code jvmArgs} (such as {@code -Xmx1g}) before {@code -jar}, and {@code env} added. */
    static ServerProcess start(Path jar, List<String> jvmArgs, java.util.Map<String, String> env) throws IOException {
        return start(jar, jvmArgs, env, true);
    }

    /**
     * The same; with {@code liftLimits}, the limits meant for people (requests and live messages per
     * client, connections per user and per address) are lifted, since the benchmarks drive a few
     * bearers from one address far harder than people do; without, the server runs with its defaults.
     */
    static ServerProcess start(Path jar, List<String> jvmArgs, java.util.Map<String, String> env, boolean liftLimits)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar.toAbsolutePath() + " does not exist; build it with "
                    + "./mvnw -o -pl app-server -am package -DskipTests");
        }
        Path root = Files.createTempDirectory("eventa-bench-");
        Path log = Files.createTempFile("eventa-bench-server-", ".log");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("EVENTA_") || key.equals("RESEND_API_KEY"));
        builder.environment().put("EVENTA_DATA_DIR", root.resolve("data").toString());
        builder.environment().put("EVENTA_PORT", Integer.toString(port));
        builder.environment().put("EVENTA_HOST", "127.0.0.1");
        builder.environment().put("EVENTA_BASE_URL", "http://127.0.0.1:" + port);
        if (liftLimits) {
            builder.environment().put("EVENTA_RATE_REQUESTS_PER_MINUTE", "1000000");
            builder.environment().put("EVENTA_RATE_LIVE_MESSAGES_PER_MINUTE", "100000");
            builder.environment().put("EVENTA_LIVE_CONNECTIONS_PER_USER", "1000000");
            builder.environment().put("EVENTA_LIVE_CONNECTIONS_PER_ADDRESS", "1000000");
            builder.environment().put("EVENTA_MAX_CONNECTIONS_PER_ADDRESS", "1000000");
            builder.environment().put("EVENTA_MAX_CONNECTIONS", "1000000");
        }
        builder.environment().putAll(env);
        return new ServerProcess(builder.start(), root, log, port, jvmArgs);
    }

    /** Polls {@code GET /ready} until it answers 200; returns how long that took. */
    Duration awaitReady(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("eventa exited with " + process.exitValue() + ":\n" + tail(40));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(base().resolve("/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("eventa was not ready within " + limit + ":\n" + tail(40));
    }

    int port() {
        return port;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI webSocket() {
        return URI.create("ws://127.0.0.1:" + port + "/api/v1/ws");
    }

    Path mailDir() {
        return dataRoot.resolve("data").resolve("mail");
    }

    long pid() {
        return process.pid();
    }

    List<String> jvmArgs() {
        return jvmArgs;
    }

    Path log() {
        return log;
    }

    /** Resident set size of the server's JVM (not its PostgreSQL), in KiB, from {@code /proc/<pid>/status}. */
    long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid() + "/status");
    }

    /** Runs a full GC in the server ({@code jcmd GC.run}) and answers the heap in use after it, in KiB. */
    long heapAfterFullGcKib() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IOException("no heap figure in jcmd GC.heap_info:\n" + info);
        }
        return Long.parseLong(used.group(1));
    }

    /** Live threads of the server JVM, from {@code /proc/<pid>/status}. */
    long threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** The server's threads by name, digits folded ({@code qtp#-#: 12, …}), largest groups first. */
    String threadSummary() {
        try {
            java.util.Map<String, Integer> groups = new java.util.TreeMap<>();
            for (String line : jcmd("Thread.print").split("\n")) {
                if (line.startsWith("\"")) {
                    String name = line.substring(1, Math.max(1, line.indexOf('"', 1))).replaceAll("\\d+", "#");
                    groups.merge(name, 1, Integer::sum);
                }
            }
            return groups.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        } catch (IOException e) {
            return "(jcmd Thread.print failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed:\n" + out);
        }
        return out;
    }

    /** CPU time used so far by the server JVM and, separately, by its embedded PostgreSQL. */
    CpuTime cpu() {
        long postgres = postmaster().map(pm -> CpuTime.ofPidWithReapedChildren(pm.pid())
                + pm.descendants().mapToLong(backend -> CpuTime.ofPid(backend.pid())).sum()).orElse(0L);
        return new CpuTime(CpuTime.ofPid(pid()), postgres);
    }

    /** The embedded PostgreSQL's postmaster, which pg_ctl detaches from the server JVM's process tree. */
    java.util.Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = dataRoot.resolve("data").resolve("postgres").resolve("postmaster.pid");
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
        } catch (IOException | RuntimeException none) {
            return java.util.Optional.empty();
        }
    }

    /** Log lines at WARN or ERROR, and stack-trace lines, so far. */
    List<String> logProblems() throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> LOG_LEVEL.matcher(line).find() || line.startsWith("\tat ")
                    || line.startsWith("Caused by:") || line.contains("Exception:")).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The first line that matches, from the log. */
    String firstLogLine(String containing) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(containing)).findFirst().orElse("");
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 60 s), kills whatever it left behind, deletes the data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        postmaster().ifPresent(children::add);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                // The server stops its PostgreSQL on SIGTERM; give it a moment before insisting.
                if (!awaitExit(child, 10)) {
                    child.destroyForcibly();
                    awaitExit(child, 10);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        deleteRecursively(dataRoot);
    }

    private static boolean awaitExit(ProcessHandle handle, int seconds) throws InterruptedException {
        try {
            handle.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /** Deletes the server log too (when it is not to be kept). */
    void deleteLog() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file left behind
        }
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
