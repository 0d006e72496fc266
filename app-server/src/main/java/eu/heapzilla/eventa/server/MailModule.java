package eu.heapzilla.eventa.server;

import dagger.Module;
import dagger.Provides;
import eu.heapzilla.eventa.adapters.mail.MailDelivery;
import eu.heapzilla.eventa.adapters.mail.MailSettings;
import javax.inject.Singleton;

/** Resend when {@code RESEND_API_KEY} is set, otherwise the development mailer writing {@code .eml} files. */
@Module
interface MailModule {

    @Provides
    @Singleton
    static MailDelivery mailDelivery(Config config) {
        return MailDelivery.start(new MailSettings(config.resendApiKey(), config.mailFrom(), config.baseUrl(),
                config.dataDir().resolve("mail")));
    }
}
