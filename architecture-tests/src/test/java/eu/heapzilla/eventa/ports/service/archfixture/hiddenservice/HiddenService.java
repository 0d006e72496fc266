package eu.heapzilla.eventa.ports.service.archfixture.hiddenservice;

import eu.heapzilla.eventa.ports.in.CheckReadiness;

/** Keeps rule 6: a package-private use-case service. */
final class HiddenService implements CheckReadiness {

    @Override
    public Report check() {
        return Report.allWell();
    }
}
