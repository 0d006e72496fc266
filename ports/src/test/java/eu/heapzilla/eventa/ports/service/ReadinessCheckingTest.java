package eu.heapzilla.eventa.ports.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.ports.in.CheckReadiness;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessCheckingTest {

    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final CheckReadiness readiness = adapters.useCases().checkReadiness();

    @Test
    void readyWhileTheDatabaseAnswers() {
        assertTrue(readiness.check().ready());
    }

    @Test
    void notReadyWhileItDoesNotAndReadyAgainOnceItDoes() {
        adapters.databaseProbe.goDown();
        CheckReadiness.Report report = readiness.check();
        assertFalse(report.ready());
        assertEquals(List.of("database does not answer"), report.problems());
        assertEquals(List.of("in-memory database is down"), report.diagnostics());

        adapters.databaseProbe.comeBack();
        assertTrue(readiness.check().ready());
    }
}
