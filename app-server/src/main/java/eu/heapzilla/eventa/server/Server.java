package eu.heapzilla.eventa.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running eventa: schema migrated, HTTP listening. Closing it stops everything it started. */
final class Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Server.class);

    private final ServerComponent component;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Server(ServerComponent component) {
        this.component = component;
    }

    static Server start(Config config) {
        ServerComponent component = ServerComponent.of(config);
        Server server = new Server(component);
        try {
            component.persistence().migrate();
            component.httpServer().start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        Duration sinceJvmStart = Duration.ofMillis(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        log.info("eventa is ready at {} (started in {} ms)", config.baseUrl(), sinceJvmStart.toMillis());
        return server;
    }

    /** Applies the schema migrations and stops again. */
    static void migrate(Config config) {
        ServerComponent component = ServerComponent.of(config);
        try {
            component.persistence().migrate();
        } finally {
            closeDatabase(component);
        }
    }

    int port() {
        return component.httpServer().port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("eventa is shutting down");
        try {
            component.httpServer().close();
        } finally {
            closeDatabase(component);
        }
    }

    private static void closeDatabase(ServerComponent component) {
        try {
            component.persistence().close();
        } finally {
            component.embeddedPostgres().ifPresent(embedded -> embedded.close());
        }
    }
}
