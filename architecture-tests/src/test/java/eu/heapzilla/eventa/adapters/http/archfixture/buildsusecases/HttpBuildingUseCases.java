package eu.heapzilla.eventa.adapters.http.archfixture.buildsusecases;

import eu.heapzilla.eventa.ports.in.CheckReadiness;
import eu.heapzilla.eventa.ports.service.UseCases;

/** Breaks rule 5b: an adapter that fetches its use case from the factory. */
public final class HttpBuildingUseCases {

    private HttpBuildingUseCases() {}

    public static CheckReadiness readiness(UseCases useCases) {
        return useCases.checkReadiness();
    }
}
