package eu.heapzilla.eventa.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many WebSocket connections from a few shared {@link HttpClient}s (each one selector thread)
 * and one small callback pool, so that ten thousand connections cost the client a handful of
 * threads. Connections are opened with a bounded number in flight, so the server sees a steady
 * stream of handshakes rather than a SYN flood.
 */
final class WsPool implements AutoCloseable {

    /** What opening a batch of subscribed connections gave. */
    record Opened(List<WsClient> clients, int failed, Map<String, Integer> failures, Duration took) {
    }

    private final URI uri;
    private final List<HttpClient> clients = new ArrayList<>();
    private final ExecutorService callbacks;
    private final AtomicInteger next = new AtomicInteger();

    WsPool(URI uri, int httpClients, int callbackThreads) {
        this.uri = uri;
        AtomicInteger count = new AtomicInteger();
        this.callbacks = Executors.newFixedThreadPool(callbackThreads, runnable -> {
            Thread thread = new Thread(runnable, "ws-callbacks-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < httpClients; i++) {
            clients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    /** Opens one connection, taking the shared clients in turn. */
    CompletableFuture<WsClient> open(String bearer, WsClient.Handler handler) {
        HttpClient http = clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
        return WsClient.open(http, uri, bearer, handler);
    }

    /**
     * Opens {@code count} connections with at most {@code inFlight} handshakes at a time; each
     * waits for {@code hello}, subscribes to {@code event} from now on and waits for
     * {@code subscribed}. Connections that fail any step are aborted and counted by reason.
     */
    Opened openSubscribed(int count, int inFlight, String bearer, String event, WsClient.Handler handler,
                          Duration stepTimeout) throws InterruptedException {
        List<WsClient> opened = Collections.synchronizedList(new ArrayList<>(count));
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        Semaphore permits = new Semaphore(inFlight);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            if (i > 0 && i % 2000 == 0) {
                Main.log("  … %d handshakes started, %d subscribed, %d failed", i, opened.size(), failed.get());
            }
            open(bearer, handler)
                    .orTimeout(stepTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .thenCompose(client -> client.hello().orTimeout(stepTimeout.toMillis(), TimeUnit.MILLISECONDS)
                            .thenCompose(id -> client.subscribe(event, -1))
                            .orTimeout(stepTimeout.toMillis(), TimeUnit.MILLISECONDS)
                            .whenComplete((cursor, failure) -> {
                                if (failure != null) {
                                    client.abort();
                                }
                            })
                            .thenApply(cursor -> client))
                    .whenComplete((client, failure) -> {
                        if (failure == null) {
                            opened.add(client);
                        } else {
                            failed.incrementAndGet();
                            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure;
                            failures.merge(cause.getClass().getSimpleName() + ": " + abbreviate(cause.getMessage()), 1, Integer::sum);
                        }
                        permits.release();
                    });
        }
        permits.acquire(inFlight);
        permits.release(inFlight);
        return new Opened(List.copyOf(opened), (int) failed.get(), Map.copyOf(failures),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Closes the connections politely, {@code inFlight} at a time, aborting those that do not answer. */
    static void closeAll(List<WsClient> connections, int inFlight) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        for (WsClient client : connections) {
            permits.acquire();
            client.close().whenComplete((code, failure) -> permits.release());
        }
        permits.acquire(inFlight);
        permits.release(inFlight);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
