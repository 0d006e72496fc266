package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.in.ExpireLostConnections;
import eu.heapzilla.eventa.ports.in.PurgeExpiredSecrets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the periodic clean-up and heartbeat jobs on one background thread while the server is up. */
final class Housekeeping implements AutoCloseable {

    static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eventa-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    /** Purges expired secrets now and then every {@code interval}. */
    static Housekeeping start(PurgeExpiredSecrets purge, Duration interval) {
        Housekeeping housekeeping = new Housekeeping();
        housekeeping.scheduler.scheduleWithFixedDelay(() -> purgeOnce(purge), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /**
     * Also says every {@link ExpireLostConnections#HEARTBEAT_INTERVAL} that this instance is
     * alive, taking crashed instances' members offline.
     */
    static Housekeeping start(PurgeExpiredSecrets purge, Duration interval, ExpireLostConnections presence) {
        Housekeeping housekeeping = start(purge, interval);
        long every = ExpireLostConnections.HEARTBEAT_INTERVAL.toMillis();
        housekeeping.scheduler.scheduleWithFixedDelay(() -> sweepOnce(presence), 0, every, TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /** Also deletes, at each purge, outbox items delivered long enough ago and lapsed push windows. */
    static Housekeeping start(PurgeExpiredSecrets purge, Duration interval, ExpireLostConnections presence,
                              DeliverOutbox outbox) {
        Housekeeping housekeeping = start(purge, interval, presence);
        housekeeping.scheduler.scheduleWithFixedDelay(() -> purgeOutboxOnce(outbox), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    private static void purgeOutboxOnce(DeliverOutbox outbox) {
        try {
            int purged = outbox.purge();
            if (purged > 0) {
                log.info("purged {} finished outbox item(s) and push window(s)", purged);
            }
        } catch (RuntimeException e) {
            log.warn("purging the outbox failed; trying again at the next interval", e);
        }
    }

    private static void sweepOnce(ExpireLostConnections presence) {
        try {
            int gone = presence.sweep();
            if (gone > 0) {
                log.info("{} member(s) went offline with a server instance that stopped answering", gone);
            }
        } catch (RuntimeException e) {
            log.warn("the presence heartbeat failed; trying again at the next interval", e);
        }
    }

    private static void purgeOnce(PurgeExpiredSecrets purge) {
        try {
            PurgeExpiredSecrets.Purged purged = purge.purge();
            if (purged.magicLinks() + purged.bearerTokens() > 0) {
                log.info("purged {} expired sign-in link(s) and {} revoked bearer(s)", purged.magicLinks(), purged.bearerTokens());
            }
        } catch (RuntimeException e) {
            log.warn("purging expired secrets failed; trying again at the next interval", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
