package eu.heapzilla.eventa.server.archfixture.wiring;

import eu.heapzilla.eventa.ports.in.ViewProfile;
import eu.heapzilla.eventa.ports.service.UseCases;
import eu.heapzilla.eventa.server.archfixture.component.ServerComponent;

/** Keeps rules 4, 5a and 5b: the server builds UseCases from its OutPorts and hands out ports.in. */
public final class ServerWiring {

    private ServerWiring() {}

    public static ViewProfile viewProfile(UseCases.OutPorts outPorts, ServerComponent component) {
        return new UseCases(outPorts).viewProfile();
    }
}
