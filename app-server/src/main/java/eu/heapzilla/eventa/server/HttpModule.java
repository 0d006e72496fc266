package eu.heapzilla.eventa.server;

import dagger.Module;
import dagger.Provides;
import eu.heapzilla.eventa.adapters.http.HttpServer;
import eu.heapzilla.eventa.adapters.http.HttpSettings;
import eu.heapzilla.eventa.ports.in.CheckReadiness;
import javax.inject.Singleton;

@Module
interface HttpModule {

    @Provides
    @Singleton
    static HttpServer httpServer(Config config, CheckReadiness readiness) {
        return new HttpServer(new HttpSettings(config.host(), config.port(), config.maxBodyBytes()), readiness);
    }
}
