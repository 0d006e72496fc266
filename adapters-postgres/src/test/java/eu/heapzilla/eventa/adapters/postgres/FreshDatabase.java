package eu.heapzilla.eventa.adapters.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated database for one test class, open from before its first test to after its
 * last: {@code @RegisterExtension static final FreshDatabase database = new FreshDatabase();}
 */
public final class FreshDatabase implements BeforeAllCallback, AfterAllCallback {

    private DatabaseSettings settings;
    private PostgresPersistence persistence;
    private final List<PostgresPersistence> others = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        settings = TestDatabase.fresh();
        persistence = new PostgresPersistence(settings);
        persistence.migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        others.forEach(PostgresPersistence::close);
        persistence.close();
    }

    public PostgresPersistence persistence() {
        if (persistence == null) {
            throw new IllegalStateException("register FreshDatabase as a static @RegisterExtension field");
        }
        return persistence;
    }

    /** Empties {@code tables}, for suites whose port reads a whole table (a claim, a count). */
    public void truncate(String... tables) {
        try (Connection connection = persistence().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", tables));
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty " + String.join(", ", tables), e);
        }
    }

    /** Whether some session of this database is waiting for a lock now: a staged race has reached its wait. */
    public boolean someoneWaitsForALock() {
        try (Connection connection = persistence().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            result.next();
            return result.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the database is, for a process of its own to connect to. */
    public DatabaseSettings settings() {
        persistence();
        return settings;
    }

    /** Another pool on the same database, as a second server instance would have; closed with the first. */
    public synchronized PostgresPersistence another() {
        persistence();
        PostgresPersistence other = new PostgresPersistence(settings);
        others.add(other);
        return other;
    }
}
