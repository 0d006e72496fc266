package eu.heapzilla.eventa.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An ordinary user beside an attack: every {@link #INTERVAL_MILLIS} ms one request, in turn
 * {@code GET /api/v1/me} and {@code GET /health} on one kept-alive connection (the JDK's
 * HttpClient, as an app holds it) and {@code GET /health} on a new TCP connection each time (as a
 * monitor or a first visit does). Each is timed from sending to the last byte; one that takes
 * longer than {@link #TIMEOUT} counts as a timeout and as {@code TIMEOUT} in the percentiles, so
 * a p99 of 5000 ms means at least 1 % timed out.
 */
final class Victim implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final long INTERVAL_MILLIS = 100;

    /** One series of timed requests: latencies in µs, timeouts, answers other than 200. */
    static final class Series {
        final LongList micros = new LongList(1024);
        long timeouts;
        long failures;

        synchronized void record(long elapsedMicros, boolean ok, boolean timedOut) {
            micros.add(timedOut ? TIMEOUT.toMillis() * 1000 : elapsedMicros);
            if (timedOut) {
                timeouts++;
            } else if (!ok) {
                failures++;
            }
        }

        synchronized Percentiles percentiles() {
            return Percentiles.of(micros);
        }

        synchronized int count() {
            return micros.size();
        }
    }

    final Series me = new Series();
    final Series health = new Series();
    final Series freshHealth = new Series();

    private final URI base;
    private final String bearer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final Thread thread;
    private volatile boolean running = true;

    Victim(URI base, String bearer) {
        this.base = base;
        this.bearer = bearer;
        this.thread = new Thread(this::run, "victim");
        this.thread.setDaemon(true);
    }

    Victim start() {
        thread.start();
        return this;
    }

    private void run() {
        long next = System.nanoTime();
        int turn = 0;
        while (running) {
            switch (turn++ % 3) {
                case 0 -> timed(me, HttpRequest.newBuilder(base.resolve("/api/v1/me")).header("Authorization", "Bearer " + bearer));
                case 1 -> timed(health, HttpRequest.newBuilder(base.resolve("/health")));
                default -> fresh();
            }
            next += INTERVAL_MILLIS * 1_000_000L;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void timed(Series series, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            series.record((System.nanoTime() - start) / 1000, response.statusCode() == 200, false);
        } catch (java.net.http.HttpTimeoutException e) {
            series.record(0, false, true);
        } catch (IOException e) {
            long elapsed = (System.nanoTime() - start) / 1000;
            series.record(elapsed, false, elapsed >= TIMEOUT.toMillis() * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** {@code GET /health} on a connection of its own, read to its end. */
    private void fresh() {
        long start = System.nanoTime();
        int timeout = (int) TIMEOUT.toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), timeout);
            long left = timeout - (System.nanoTime() - start) / 1_000_000L;
            socket.setSoTimeout((int) Math.max(1, left));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            String text = new String(answer, StandardCharsets.US_ASCII);
            freshHealth.record((System.nanoTime() - start) / 1000, text.startsWith("HTTP/1.1 200"), false);
        } catch (java.net.SocketTimeoutException e) {
            freshHealth.record(0, false, true);
        } catch (IOException e) {
            long elapsed = (System.nanoTime() - start) / 1000;
            freshHealth.record(elapsed, false, elapsed >= TIMEOUT.toMillis() * 1000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TIMEOUT.toMillis() * 2);
    }
}
