package eu.heapzilla.eventa.adapters.http.archfixture.usesoutports;

import eu.heapzilla.eventa.ports.out.Clock;
import eu.heapzilla.eventa.ports.service.UseCases;

/** Breaks rule 5b through a nested type only: {@code UseCases.OutPorts} is wiring too. */
public final class HttpUsingOutPorts {

    private HttpUsingOutPorts() {}

    public static Clock clockOf(UseCases.OutPorts outPorts) {
        return outPorts.clock();
    }
}
