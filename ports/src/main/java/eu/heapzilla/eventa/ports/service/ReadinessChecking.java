package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.ports.in.CheckReadiness;
import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import java.util.List;

final class ReadinessChecking implements CheckReadiness {

    private final DatabaseProbe database;

    ReadinessChecking(DatabaseProbe database) {
        this.database = database;
    }

    @Override
    public Report check() {
        try {
            database.ping();
            return Report.allWell();
        } catch (RuntimeException e) {
            return new Report(List.of("database does not answer"), List.of(String.valueOf(e.getMessage())));
        }
    }
}
