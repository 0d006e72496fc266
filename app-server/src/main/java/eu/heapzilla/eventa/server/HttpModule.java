package eu.heapzilla.eventa.server;

import dagger.Module;
import dagger.Provides;
import eu.heapzilla.eventa.adapters.http.HttpServer;
import eu.heapzilla.eventa.adapters.http.HttpSettings;
import eu.heapzilla.eventa.adapters.http.InPorts;
import eu.heapzilla.eventa.adapters.http.SignInLimits;
import eu.heapzilla.eventa.ports.service.UseCases;
import javax.inject.Singleton;

@Module
interface HttpModule {

    @Provides
    @Singleton
    static HttpServer httpServer(Config config, UseCases useCases) {
        return new HttpServer(
                new HttpSettings(config.host(), config.port(), config.maxBodyBytes(), config.trustForwardedFor(), SignInLimits.DEFAULT,
                        config.fileMaxBytes()),
                new InPorts(useCases.checkReadiness(), useCases.signIn(), useCases.authenticate(), useCases.viewProfile(),
                        useCases.editProfile(), useCases.planEvents(), useCases.manageMembers(), useCases.inviteMembers(),
                        useCases.joinEvent(), useCases.followChanges(), useCases.manageGuests(), useCases.keepChecklist(),
                        useCases.trackBudget(), useCases.exportEvents(), useCases.seePresence(),
                        useCases.managePushDevices(), useCases.readNotifications()));
    }
}
