package eu.heapzilla.eventa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes to one event over REST as a member's devices would: mostly {@code PATCH} of a task's
 * title, and every n-th write a {@code POST} of a new task. Each in-flight write owns one of a
 * fixed set of tasks (so a PATCH is always based on the current version and never answered 409),
 * which also bounds how many writes are in flight at once.
 *
 * <p>Writes are issued open-loop at a fixed rate (or as fast as the tasks come free when the rate
 * is 0); a write that has to wait for a free task is sent late, and the lateness is recorded, so an
 * achieved rate below the asked one is visible rather than hidden.
 */
final class TaskWriter {

    /** What the writes did: per write, when it was due, sent and answered (epoch µs) and its status. */
    static final class Log {
        final long[] dueMicros;
        final long[] sentMicros;
        final long[] answeredMicros;
        final int[] status;
        final boolean[] post;
        final Instant start;

        Log(int count, Instant start) {
            dueMicros = new long[count];
            sentMicros = new long[count];
            answeredMicros = new long[count];
            status = new int[count];
            post = new boolean[count];
            this.start = start;
        }

        int count() {
            return status.length;
        }

        boolean ok(int i) {
            return status[i] == 200 || status[i] == 201;
        }

        long failures() {
            long failed = 0;
            for (int i = 0; i < count(); i++) {
                if (!ok(i)) {
                    failed++;
                }
            }
            return failed;
        }

        /** Statuses other than 200/201 and how often each came (0 = no answer). */
        Map<Integer, Integer> failureStatuses() {
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (int i = 0; i < count(); i++) {
                if (!ok(i)) {
                    statuses.merge(status[i], 1, Integer::sum);
                }
            }
            return statuses;
        }
    }

    private static final class Slot {
        final String task;
        long version;

        Slot(String task, long version) {
            this.task = task;
            this.version = version;
        }
    }

    private final Api api;
    private final String bearer;
    private final String event;
    private final BlockingQueue<Slot> free;
    private final int postEvery;
    private final int maxCreates;
    private final AtomicInteger created = new AtomicInteger();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "writer-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String firstFailure;

    /**
     * @param postEvery every how many writes one is a POST of a new task (0: never)
     * @param maxCreates the most tasks to create in all (the event allows 2 000)
     */
    TaskWriter(Api api, String bearer, String event, List<Api.TaskRef> tasks, int postEvery, int maxCreates) {
        this.api = api;
        this.bearer = bearer;
        this.event = event;
        this.free = new ArrayBlockingQueue<>(tasks.size());
        tasks.forEach(task -> free.add(new Slot(task.id(), task.version())));
        this.postEvery = postEvery;
        this.maxCreates = maxCreates;
    }

    /** Creates {@code count} tasks for the writer to edit, one per write in flight. */
    static List<Api.TaskRef> tasks(Api api, String bearer, String event, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> api.createTask(bearer, event, "benchmark task " + i)).toList();
    }

    String firstFailure() {
        return firstFailure;
    }

    /**
     * Issues {@code count} writes at {@code perSecond} (0: back to back, as tasks come free) and
     * returns when every one has been answered.
     */
    Log write(int count, double perSecond) throws InterruptedException {
        long period = perSecond > 0 ? Math.round(1e9 / perSecond) : 0;
        Instant wallStart = Instant.now();
        long start = System.nanoTime();
        long startMicros = micros(wallStart);
        Log log = new Log(count, wallStart);
        CountDownLatch answered = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            if (period > 0) {
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            Slot slot = free.take();
            long sent = System.nanoTime();
            log.dueMicros[i] = startMicros + (period > 0 ? (due - start) / 1000 : (sent - start) / 1000);
            log.sentMicros[i] = startMicros + (sent - start) / 1000;
            boolean post = postEvery > 0 && i % postEvery == postEvery - 1 && created.get() < maxCreates;
            log.post[i] = post;
            int index = i;
            var call = post
                    ? api.callAsync("POST", "/api/v1/events/" + event + "/tasks", bearer, Map.of("title", "benchmark write " + i))
                    : api.callAsync("PATCH", "/api/v1/events/" + event + "/tasks/" + slot.task, bearer,
                    Map.of("version", slot.version, "title", "benchmark write " + i));
            if (post) {
                created.incrementAndGet();
            }
            call.whenComplete((response, failure) -> {
                log.answeredMicros[index] = startMicros + (System.nanoTime() - start) / 1000;
                log.status[index] = response == null ? 0 : response.statusCode();
                boolean ok = response != null && (response.statusCode() == 200 || response.statusCode() == 201);
                if (!ok) {
                    if (firstFailure == null) {
                        firstFailure = response == null ? String.valueOf(failure) : response.statusCode() + " " + response.body();
                    }
                    refresher.execute(() -> refresh(slot, answered));
                    return;
                }
                if (!post) {
                    slot.version = version(response);
                }
                free.add(slot);
                answered.countDown();
            });
        }
        answered.await();
        return log;
    }

    /** After a failed write the task's version is unknown: read it before the task is used again. */
    private void refresh(Slot slot, CountDownLatch answered) {
        try {
            slot.version = api.task(bearer, event, slot.task).version();
        } catch (RuntimeException e) {
            if (firstFailure == null) {
                firstFailure = "refresh: " + e;
            }
        }
        free.add(slot);
        answered.countDown();
    }

    private static long version(HttpResponse<String> response) {
        JsonNode task = Api.parse(response.body());
        return task.get("version").asLong();
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
