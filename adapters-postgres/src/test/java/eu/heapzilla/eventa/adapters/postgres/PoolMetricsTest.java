package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The running pool reports to a Micrometer registry handed over after start-up, once. */
class PoolMetricsTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    private static double gauge(MeterRegistry registry, String name) {
        return registry.get(name).tag("pool", "eventa").gauge().value();
    }

    /** HikariCP refreshes its counts at most once a second: waits up to five for {@code expected}. */
    private static void awaitGauge(MeterRegistry registry, String name, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (gauge(registry, name) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, gauge(registry, name), name);
    }

    @Test
    void theRunningPoolReportsItsConnectionsToTheRegistry() throws SQLException, InterruptedException {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (PostgresPersistence persistence = new PostgresPersistence(database.settings())) {
            persistence.recordPoolMetrics(registry);

            assertEquals(database.settings().poolSize(), gauge(registry, "hikaricp.connections.max"));
            try (Connection borrowed = persistence.dataSource().getConnection()) {
                assertTrue(borrowed.isValid(1));
                awaitGauge(registry, "hikaricp.connections.active", 1);
            }
            awaitGauge(registry, "hikaricp.connections.active", 0);
            assertTrue(registry.get("hikaricp.connections.acquire").tag("pool", "eventa").timer().count() >= 1);
        }
    }

    @Test
    void aSecondRegistryOrSomethingElseIsRefusedAndThePoolCarriesOn() throws SQLException {
        try (PostgresPersistence persistence = new PostgresPersistence(database.settings())) {
            assertThrows(IllegalArgumentException.class, () -> persistence.recordPoolMetrics("not a registry"));
            persistence.recordPoolMetrics(new SimpleMeterRegistry());

            assertThrows(IllegalStateException.class, () -> persistence.recordPoolMetrics(new SimpleMeterRegistry()));

            try (Connection connection = persistence.dataSource().getConnection()) {
                assertTrue(connection.isValid(1));
            }
        }
    }
}
