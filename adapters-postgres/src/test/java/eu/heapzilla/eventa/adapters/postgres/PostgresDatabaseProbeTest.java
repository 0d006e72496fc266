package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.contract.DatabaseProbeContract;
import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDatabaseProbeTest extends DatabaseProbeContract {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static PostgresPersistence nowhere;

    @BeforeAll
    static void aPoolAimedAtAPortNobodyListensOn() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        nowhere = new PostgresPersistence(
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/eventa", "eventa", null, 1));
    }

    @AfterAll
    static void close() {
        nowhere.close();
    }

    @Override
    protected DatabaseProbe reachable() {
        return database.persistence().databaseProbe();
    }

    @Override
    protected DatabaseProbe unreachable() {
        return nowhere.databaseProbe();
    }
}
