package eu.heapzilla.eventa.ports.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import org.junit.jupiter.api.Test;

/** What every {@link DatabaseProbe} implementation must do. */
public abstract class DatabaseProbeContract {

    /** A probe of a database that is up. */
    protected abstract DatabaseProbe reachable();

    /** A probe of a database that does not answer. */
    protected abstract DatabaseProbe unreachable();

    @Test
    void aDatabaseThatIsUpAnswers() {
        assertDoesNotThrow(() -> reachable().ping());
    }

    @Test
    void aDatabaseThatIsDownDoesNotAnswerAndSaysSoWithAReason() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> unreachable().ping());
        if (failure.getMessage() == null || failure.getMessage().isBlank()) {
            throw new AssertionError("the failure must carry a reason for the operator's log", failure);
        }
    }
}
