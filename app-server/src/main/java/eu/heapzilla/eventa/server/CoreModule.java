package eu.heapzilla.eventa.server;

import dagger.Module;
import dagger.Provides;
import eu.heapzilla.eventa.adapters.mail.MailDelivery;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.push.PushDelivery;
import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.in.ExpireLostConnections;
import eu.heapzilla.eventa.ports.in.OutboxPolicy;
import eu.heapzilla.eventa.ports.in.PurgeExpiredSecrets;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.service.UseCases;
import javax.inject.Singleton;

/** The use cases, built on the PostgreSQL out-ports, the mailer, the push gateway and the system clock. */
@Module
interface CoreModule {

    @Provides
    @Singleton
    static UseCases useCases(Config config, PostgresPersistence persistence, MailDelivery mail, PushDelivery push) {
        return new UseCases(new UseCases.OutPorts(persistence.transactions(), Clock.system(), persistence.users(),
                persistence.databaseProbe(), persistence.magicLinks(), persistence.bearerTokens(), mail.mailer(),
                persistence.events(), persistence.memberships(), persistence.invites(), persistence.changeLog(),
                persistence.households(), persistence.guests(), persistence.tasks(), persistence.budgetItems(),
                persistence.receipts(), persistence.blobStore(), persistence.changeBus(), persistence.presenceBoard(),
                persistence.outbox(), persistence.pushDevices(), persistence.pushWindows(), persistence.notifications(),
                push.gateway()), OutboxPolicy.DEFAULTS.withCoalescing(config.pushCoalescing()));
    }

    @Provides
    static DeliverOutbox deliverOutbox(UseCases useCases) {
        return useCases.deliverOutbox();
    }

    @Provides
    static ExpireLostConnections expireLostConnections(UseCases useCases) {
        return useCases.expireLostConnections();
    }

    @Provides
    static PurgeExpiredSecrets purgeExpiredSecrets(UseCases useCases) {
        return useCases.purgeExpiredSecrets();
    }
}
