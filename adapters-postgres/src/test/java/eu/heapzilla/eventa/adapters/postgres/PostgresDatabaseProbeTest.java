package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PostgresDatabaseProbeTest {

    @Test
    void aLiveDatabaseAnswers() {
        try (PostgresPersistence persistence = new PostgresPersistence(TestDatabase.fresh())) {
            assertDoesNotThrow(() -> persistence.databaseProbe().ping());
        }
    }

    @Test
    void aDatabaseThatIsNotThereDoesNotAnswer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/eventa", "eventa", null, 1);
        try (PostgresPersistence persistence = new PostgresPersistence(nowhere)) {
            assertThrows(IllegalStateException.class, () -> persistence.databaseProbe().ping());
        }
    }
}
