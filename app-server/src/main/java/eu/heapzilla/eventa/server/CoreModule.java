package eu.heapzilla.eventa.server;

import dagger.Module;
import dagger.Provides;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.ports.in.CheckReadiness;
import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.service.UseCases;
import javax.inject.Singleton;

/** The use cases, built on the PostgreSQL out-ports and the system clock. */
@Module
interface CoreModule {

    @Provides
    @Singleton
    static UseCases useCases(PostgresPersistence persistence) {
        return new UseCases(new UseCases.OutPorts(persistence.transactions(), Clock.system(), persistence.users(),
                persistence.databaseProbe()));
    }

    @Provides
    static CheckReadiness checkReadiness(UseCases useCases) {
        return useCases.checkReadiness();
    }
}
