package eu.heapzilla.eventa.server;

import dagger.BindsInstance;
import dagger.Component;
import eu.heapzilla.eventa.adapters.http.HttpServer;
import eu.heapzilla.eventa.adapters.mail.MailDelivery;
import eu.heapzilla.eventa.adapters.http.PrometheusMetrics;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.EmbeddedPostgresServer;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.push.PushDelivery;
import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.in.ExpireLostConnections;
import eu.heapzilla.eventa.ports.in.PurgeExpiredSecrets;
import eu.heapzilla.eventa.ports.service.UseCases;
import java.util.Optional;
import javax.inject.Singleton;

/** Every module wired together for one configuration. */
@Singleton
@Component(modules = {DatabaseModule.class, MailModule.class, PushModule.class, CoreModule.class, HttpModule.class})
interface ServerComponent {

    Optional<EmbeddedPostgresServer> embeddedPostgres();

    DatabaseSettings databaseSettings();

    PostgresPersistence persistence();

    PrometheusMetrics metrics();

    HttpServer httpServer();

    MailDelivery mailDelivery();

    PushDelivery pushDelivery();

    DeliverOutbox deliverOutbox();

    UseCases useCases();

    PurgeExpiredSecrets purgeExpiredSecrets();

    ExpireLostConnections expireLostConnections();

    @Component.Factory
    interface Factory {
        ServerComponent create(@BindsInstance Config config, @BindsInstance DatabaseUse databaseUse);
    }

    /** Everything for serving: the embedded database, if any, belongs to this process alone. */
    static ServerComponent of(Config config) {
        return of(config, DatabaseUse.SERVE);
    }

    static ServerComponent of(Config config, DatabaseUse databaseUse) {
        return DaggerServerComponent.factory().create(config, databaseUse);
    }
}
