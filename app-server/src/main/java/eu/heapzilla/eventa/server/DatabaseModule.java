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
    static Optional<EmbeddedPostgresServer> embeddedPostgres(Config config) {
        return config.databaseUrl().isPresent()
                ? Optional.empty()
                : Optional.of(EmbeddedPostgresServer.start(config.dataDir().resolve("postgres")));
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
