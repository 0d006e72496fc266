package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.http.HttpServer;
import eu.heapzilla.eventa.adapters.http.PrometheusMetrics;
import eu.heapzilla.eventa.adapters.postgres.EmbeddedPostgresServer;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.push.PushDelivery;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One eventa process: schema migrated, mail and push ready, outbox workers and housekeeping
 * running, HTTP listening.
 * {@link #close()} stops exactly what {@link #start()} got as far as starting, in reverse order;
 * the two never overlap, so a shutdown signal that arrives during start-up waits for it and then
 * undoes it.
 */
final class Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Server.class);

    private final Config config;
    private final ServerComponent component;
    private Optional<EmbeddedPostgresServer> embedded = Optional.empty();
    private PostgresPersistence persistence;
    private PushDelivery push;
    private OutboxWorkers outboxWorkers;
    private Housekeeping housekeeping;
    private PrometheusMetrics metrics;
    private HttpServer http;
    private boolean closed;

    Server(Config config) {
        this.config = config;
        this.component = ServerComponent.of(config);
    }

    /** Starts a server for {@code config}; on failure everything started so far is stopped again. */
    static Server start(Config config) {
        Server server = new Server(config);
        server.start();
        return server;
    }

    synchronized Server start() {
        if (closed) {
            throw new IllegalStateException("eventa is shutting down");
        }
        try {
            openDatabase();
            log.info("mail: {}", component.mailDelivery().description());
            push = component.pushDelivery();
            log.info("push: {}", push.description());
            outboxWorkers = OutboxWorkers.start(component.deliverOutbox(), config.outboxWorkers());
            housekeeping = Housekeeping.start(component.purgeExpiredSecrets(), Housekeeping.DEFAULT_INTERVAL,
                    component.expireLostConnections(), component.deliverOutbox());
            metrics = component.metrics();
            http = component.httpServer().start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("eventa is ready at {} (started in {} ms)", config.baseUrl(), sinceJvmStart);
        return this;
    }

    private void openDatabase() {
        embedded = component.embeddedPostgres();
        persistence = component.persistence();
        persistence.migrate();
    }

    int port() {
        return http.port();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("eventa is shutting down");
        try {
            if (http != null) {
                http.close();
            }
            if (metrics != null) {
                metrics.close();
            }
        } finally {
            try {
                if (housekeeping != null) {
                    housekeeping.close();
                }
                if (outboxWorkers != null) {
                    outboxWorkers.close();
                }
                if (push != null) {
                    push.close();
                }
            } finally {
                try {
                    if (persistence != null) {
                        persistence.close();
                    }
                } finally {
                    embedded.ifPresent(EmbeddedPostgresServer::close);
                }
            }
        }
    }
}
