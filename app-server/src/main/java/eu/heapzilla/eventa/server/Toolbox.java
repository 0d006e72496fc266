package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.EmbeddedPostgresServer;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.util.Optional;

/**
 * What an operator's verb opens instead of a server: the configuration, the database (the one a
 * running server uses, if any) and, on request, the use cases, with nothing listening and no
 * worker running. Outbox items a verb adds wait for a server's workers.
 */
final class Toolbox implements AutoCloseable {

    private final Config config;
    private final ServerComponent component;
    private final Optional<EmbeddedPostgresServer> embedded;
    private PostgresPersistence persistence;

    private Toolbox(Config config) {
        this.config = config;
        this.component = ServerComponent.of(config, DatabaseUse.TOOL);
        this.embedded = component.embeddedPostgres();
    }

    /** Reads the configuration and opens the database; logs go to stderr so that stdout carries only results. */
    static Toolbox open(EventaCommand command) {
        Config config = command.config();
        Logging.configure(config.logFormat(), Logging.Target.STDERR);
        return new Toolbox(config);
    }

    Config config() {
        return config;
    }

    /** Where the database is, for tools that connect on their own (backup, restore). */
    DatabaseSettings databaseSettings() {
        return component.databaseSettings();
    }

    PostgresPersistence persistence() {
        if (persistence == null) {
            persistence = component.persistence();
        }
        return persistence;
    }

    /** Brings the schema up to date; returns how many migrations ran. */
    int migrate() {
        return persistence().migrate().migrationsExecuted;
    }

    /** The use cases on a schema brought up to date first. */
    UseCases useCases() {
        migrate();
        return component.useCases();
    }

    @Override
    public void close() {
        try {
            if (persistence != null) {
                persistence.close();
            }
        } finally {
            embedded.ifPresent(EmbeddedPostgresServer::close);
        }
    }
}
