package eu.heapzilla.eventa.server;

import dagger.Module;
import dagger.Provides;
import eu.heapzilla.eventa.adapters.http.ApiLimits;
import eu.heapzilla.eventa.adapters.http.ExportDocuments;
import eu.heapzilla.eventa.adapters.http.HttpServer;
import eu.heapzilla.eventa.adapters.http.HttpSettings;
import eu.heapzilla.eventa.adapters.http.InPorts;
import eu.heapzilla.eventa.adapters.http.LiveSettings;
import eu.heapzilla.eventa.adapters.http.PrometheusMetrics;
import eu.heapzilla.eventa.adapters.http.RateLimit;
import eu.heapzilla.eventa.adapters.http.SignInLimits;
import eu.heapzilla.eventa.adapters.postgres.PostgresPersistence;
import eu.heapzilla.eventa.adapters.web.EventFiles;
import eu.heapzilla.eventa.adapters.web.WebApp;
import eu.heapzilla.eventa.adapters.web.WebPorts;
import eu.heapzilla.eventa.adapters.web.WebSettings;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.ports.in.DeliverOutbox;
import eu.heapzilla.eventa.ports.service.UseCases;
import javax.inject.Singleton;

/** The HTTP API with its metrics (the pool's and the outbox's are recorded into the same registry) and the web app beside it. */
@Module
interface HttpModule {

    @Provides
    @Singleton
    static PrometheusMetrics metrics(PostgresPersistence persistence, DeliverOutbox outbox) {
        PrometheusMetrics metrics = new PrometheusMetrics();
        persistence.recordPoolMetrics(metrics.registry());
        metrics.bindOutbox(outbox);
        return metrics;
    }

    @Provides
    @Singleton
    static WebApp webApp(Config config, UseCases useCases) {
        return new WebApp(new WebSettings(config.baseUrl(), config.trustForwardedFor(), config.fileMaxBytes()),
                new WebPorts(useCases.signIn(), useCases.authenticate(), useCases.viewProfile(), useCases.editProfile(),
                        useCases.planEvents(), useCases.manageMembers(), useCases.inviteMembers(), useCases.joinEvent(),
                        useCases.followChanges(), useCases.manageGuests(), useCases.keepChecklist(), useCases.trackBudget(),
                        useCases.exportEvents(), useCases.seePresence(), useCases.readNotifications()),
                new EventFiles() {
                    @Override
                    public byte[] write(EventDocument document) {
                        return ExportDocuments.json(document);
                    }

                    @Override
                    public EventDocument read(byte[] file) {
                        return ExportDocuments.read(file);
                    }
                });
    }

    @Provides
    @Singleton
    static HttpServer httpServer(Config config, UseCases useCases, PrometheusMetrics metrics, WebApp web) {
        return new HttpServer(
                new HttpSettings(config.host(), config.port(), config.maxBodyBytes(), config.trustForwardedFor(), SignInLimits.DEFAULT,
                        config.fileMaxBytes(), new ApiLimits(RateLimit.perMinute(config.requestsPerMinute()),
                                RateLimit.perDay(config.invitesPerEventPerDay())), config.metricsToken(), config.clientLimits()),
                new LiveSettings(LiveSettings.DEFAULT.pingInterval(), LiveSettings.DEFAULT.maxQueuedBytes(),
                        LiveSettings.DEFAULT.maxMessageBytes(), RateLimit.perMinute(config.liveMessagesPerMinute()),
                        config.liveConnectionsPerUser(), config.liveConnectionsPerAddress()),
                new InPorts(useCases.checkReadiness(), useCases.signIn(), useCases.authenticate(), useCases.viewProfile(),
                        useCases.editProfile(), useCases.planEvents(), useCases.manageMembers(), useCases.inviteMembers(),
                        useCases.joinEvent(), useCases.followChanges(), useCases.manageGuests(), useCases.keepChecklist(),
                        useCases.trackBudget(), useCases.exportEvents(), useCases.seePresence(),
                        useCases.managePushDevices(), useCases.readNotifications()),
                metrics, new WebSite(web));
    }
}
