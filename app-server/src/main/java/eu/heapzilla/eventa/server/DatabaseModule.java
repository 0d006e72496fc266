package eu.heapzilla.eventa.server;

import dagger.Module;
import dagger.Provides;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.EmbeddedPostgresServer;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import java.util.Optional;
import javax.inject.Singleton;

/** The database named by {@code EVENTA_DATABASE_URL}, or else an embedded one in the data directory. */
@Module
interface DatabaseModule {

    @Provides
    @Singleton
    static Optional<EmbeddedPostgresServer> embeddedPostgres(Config config, DatabaseUse use) {
        if (config.databaseUrl().isPresent()) {
            return Optional.empty();
        }
        var directory = config.dataDir().resolve("postgres");
        return Optional.of(use == DatabaseUse.SERVE
                ? EmbeddedPostgresServer.start(directory)
                : EmbeddedPostgresServer.attachOrStart(directory));
    }

    @Provides
    @Singleton
    static DatabaseSettings databaseSettings(Config config, Optional<EmbeddedPostgresServer> embedded) {
        return config.databaseUrl()
                .map(url -> DatabaseSettings.fromUrl(url, config.databasePoolSize()))
                .orElseGet(() -> embedded.orElseThrow().settings(config.databasePoolSize()));
    }

    @Provides
    @Singleton
    static PostgresPersistence persistence(DatabaseSettings settings) {
        return new PostgresPersistence(settings);
    }
}
