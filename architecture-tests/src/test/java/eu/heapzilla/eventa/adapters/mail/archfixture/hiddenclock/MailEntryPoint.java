package eu.heapzilla.eventa.adapters.mail.archfixture.hiddenclock;

import eu.heapzilla.eventa.ports.out.Clock;

/**
 * Keeps rule 7: the adapter's public entry point (like {@code PostgresPersistence}) implements
 * no out-port itself and hands its implementations out as {@code ports.out} interfaces.
 */
public final class MailEntryPoint {

    public Clock clock() {
        return new HiddenClock();
    }
}
