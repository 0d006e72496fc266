package eu.heapzilla.eventa.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The one kind of database a backup is restored into: one without eventa data. That is a
 * database with no tables at all, or one whose schema was migrated (to the backup's schema
 * version or an older one) but whose tables are all empty, Flyway's history apart. Anything
 * else is refused before the database is touched, so no restore can mix two databases' data.
 */
final class RestoreTarget {

    private RestoreTarget() {
    }

    static void requireEmpty(Connection connection, MigrationVersion backupVersion) throws SQLException {
        SchemaCatalog catalog = SchemaCatalog.read(connection);
        if (catalog.tables().isEmpty()) {
            return;
        }
        if (!catalog.hasHistory()) {
            throw new BackupException("the database holds tables (" + String.join(", ", names(catalog))
                    + ") but no Flyway schema history: it is not an eventa database; restore into a new, empty database");
        }
        requireNoRows(connection, catalog);
        try (Statement statement = connection.createStatement()) {
            Optional<MigrationVersion> current = BuiltInDump.appliedVersion(statement, catalog);
            if (current.isPresent() && current.get().compareTo(backupVersion) > 0) {
                throw new BackupException("the database's schema is at version " + current.get() + ", newer than the "
                        + "backup's " + backupVersion + "; restore into a new, empty database");
            }
        }
    }

    /** Refuses a schema version this build cannot migrate a database to. */
    static void requireKnown(MigrationVersion version, DatabaseSettings settings) {
        List<MigrationVersion> known;
        try {
            known = Migrations.known(settings);
        } catch (FlywayException e) {
            throw new BackupException("cannot read the database's schema history: " + e.getMessage(), e);
        }
        MigrationVersion newest = known.get(known.size() - 1);
        if (version.compareTo(newest) > 0) {
            throw new BackupException("the backup's schema version " + version + " is newer than this eventa's newest ("
                    + newest + "): restore it with the eventa that made it, or a newer one");
        }
        if (!known.contains(version)) {
            throw new BackupException("the backup's schema version " + version + " is not one of this eventa's migrations");
        }
    }

    static void requireNoRows(Connection connection, SchemaCatalog catalog) throws SQLException {
        List<String> withRows = catalog.tablesWithRows(connection);
        if (!withRows.isEmpty()) {
            throw new BackupException("the database is not empty (rows in " + String.join(", ", withRows) + "): "
                    + "a backup is restored only into an empty database (create a new one)");
        }
    }

    private static List<String> names(SchemaCatalog catalog) {
        return catalog.tables().stream().map(SchemaCatalog.Table::name).toList();
    }
}
