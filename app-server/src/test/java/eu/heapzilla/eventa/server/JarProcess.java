package eu.heapzilla.eventa.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar eventa-server.jar} as a separate process, the way an operator runs it. */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("eventa.jar", "target/eventa-server.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    final int port;

    private JarProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static JarProcess start(Path workDir, Map<String, String> env, String... args) {
        return start(workDir, List.of(), env, args);
    }

    /** With options for the JVM before {@code -jar}, as a service definition gives them. */
    static JarProcess start(Path workDir, List<String> jvmOptions, Map<String, String> env, String... args) {
        try {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            Path log = Files.createTempFile(workDir, "eventa-", ".log");
            builder.redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("EVENTA_"));
            builder.environment().put("EVENTA_PORT", Integer.toString(port));
            builder.environment().put("EVENTA_HOST", "127.0.0.1");
            builder.environment().putAll(env);
            return new JarProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code /ready} to answer 200 and returns how long that took. */
    Duration awaitReady(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("eventa exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get("/ready").statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("eventa was not ready within " + limit + ":\n" + output());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends SIGTERM (what Ctrl-C, systemd and docker stop amount to) and waits for the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("eventa did not stop within 60 s:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("eventa did not exit:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
