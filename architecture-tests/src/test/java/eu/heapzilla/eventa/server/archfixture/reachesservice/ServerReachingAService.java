package eu.heapzilla.eventa.server.archfixture.reachesservice;

import eu.heapzilla.eventa.ports.in.ViewProfile;
import eu.heapzilla.eventa.ports.service.archfixture.publicservice.PublicService;

/** Breaks rule 5a: wiring that builds a service itself instead of asking UseCases. */
public final class ServerReachingAService {

    private ServerReachingAService() {}

    public static ViewProfile viewProfile() {
        return new PublicService();
    }
}
