package eu.heapzilla.eventa.ports.service.archfixture.hiddenservice;

import eu.heapzilla.eventa.ports.in.CheckReadiness;
import java.util.List;

/** Keeps rule 6: a package-private use-case service. */
final class HiddenService implements CheckReadiness {

    @Override
    public Report check() {
        return new Report(List.of());
    }
}
