package eu.heapzilla.eventa.server;

import dagger.Module;
import dagger.Provides;
import eu.heapzilla.eventa.adapters.push.PushDelivery;
import eu.heapzilla.eventa.adapters.push.PushSettings;
import java.time.Duration;
import javax.inject.Singleton;

/** FCM when {@code GOOGLE_APPLICATION_CREDENTIALS} and {@code EVENTA_FCM_PROJECT_ID} are set, otherwise pushes are logged. */
@Module
interface PushModule {

    @Provides
    @Singleton
    static PushDelivery pushDelivery(Config config) {
        try {
            return PushDelivery.start(new PushSettings(config.pushCredentials(), config.fcmProjectId(),
                    Duration.ofSeconds(10), Duration.ofSeconds(10)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
