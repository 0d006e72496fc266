package eu.heapzilla.eventa.ports.contract;

import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import eu.heapzilla.eventa.ports.testing.InMemoryDatabaseProbe;

class InMemoryDatabaseProbeTest extends DatabaseProbeContract {

    @Override
    protected DatabaseProbe reachable() {
        return new InMemoryDatabaseProbe();
    }

    @Override
    protected DatabaseProbe unreachable() {
        InMemoryDatabaseProbe probe = new InMemoryDatabaseProbe();
        probe.goDown();
        return probe;
    }
}
