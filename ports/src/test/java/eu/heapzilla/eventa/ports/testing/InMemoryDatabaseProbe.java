package eu.heapzilla.eventa.ports.testing;

import eu.heapzilla.eventa.ports.out.DatabaseProbe;

/** A database that answers until a test says it has gone away. */
public final class InMemoryDatabaseProbe implements DatabaseProbe {

    private volatile boolean down;

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    @Override
    public void ping() {
        if (down) {
            throw new IllegalStateException("in-memory database is down");
        }
    }
}
