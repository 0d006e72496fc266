package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.out.DatabaseProbe;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Borrows a pooled connection and asks the server to validate it within two seconds. */
final class PostgresDatabaseProbe implements DatabaseProbe {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    PostgresDatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void ping() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                throw new IllegalStateException("database connection is not valid");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database does not answer: " + e.getMessage(), e);
        }
    }
}
