package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.out.OutboxCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox worker threads of this instance: each delivers due items until there are none, then
 * waits for news of more (a change or a filled outbox, heard from any instance) or for the next
 * poll, which picks up retries falling due and claims left by a worker that died. Stopping lets
 * a send under way finish briefly; an item it does not finish is claimed again once its lease
 * lapses, here or on another instance.
 */
final class OutboxWorkers implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger("eventa.outbox");

    private final DeliverOutbox outbox;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    private OutboxWorkers(DeliverOutbox outbox) {
        this.outbox = outbox;
    }

    static OutboxWorkers start(DeliverOutbox outbox, int count) {
        OutboxWorkers workers = new OutboxWorkers(outbox);
        report(outbox.counts());
        for (int i = 1; i <= count; i++) {
            Thread thread = new Thread(workers::work, "eventa-outbox-" + i);
            thread.setDaemon(true);
            workers.threads.add(thread);
            thread.start();
        }
        return workers;
    }

    private static void report(OutboxCounts counts) {
        if (counts.dead() > 0) {
            log.warn("outbox: {} pending, {} dead letter(s) (items given up; see the outbox table's note column)",
                    counts.pending(), counts.dead());
        } else {
            log.info("outbox: {} pending", counts.pending());
        }
    }

    private void work() {
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
                log.warn("the outbox worker failed; trying again in {} s", AFTER_FAILURE.toSeconds(), failure);
                try {
                    Thread.sleep(AFTER_FAILURE.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                log.warn("{} did not stop within {} s; what it holds is claimed again when its lease lapses",
                        thread.getName(), GRACE.toSeconds());
            }
        }
    }
}
