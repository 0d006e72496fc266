package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup.Summary;
import eu.heapzilla.eventa.adapters.postgres.SchemaCatalog.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Backups in {@code pg_dump}'s custom format, made and restored by PostgreSQL's own programs.
 *
 * <p>A backup opens a {@code REPEATABLE READ, READ ONLY} transaction, exports its snapshot, and
 * has {@code pg_dump --snapshot} dump exactly that snapshot while the transaction counts each
 * table's rows and reads the schema version in it: the summary describes what the file holds.
 *
 * <p>A restore first has {@code pg_restore} print the archive's Flyway history (no database
 * needed) to learn its schema version, refuses one this build has no migration for, checks the
 * database is empty ({@link RestoreTarget}), and then runs {@code pg_restore --single-transaction}:
 * schema, data and constraints, all or nothing. A database whose schema was migrated but holds
 * no data gets {@code --clean --if-exists} too, which drops those empty tables first. Only
 * {@code --dbname} names the database on the command line, since without it pg_restore prints
 * SQL instead of restoring; host, port, user and password are in the environment ({@link PgTools}).
 */
final class PgDumpFormat {

    static final String NAME = "pg_dump-custom";
    static final byte[] MAGIC = {'P', 'G', 'D', 'M', 'P'};

    private final PgTools tools;
    private final DatabaseSettings settings;

    PgDumpFormat(PgTools tools, DatabaseSettings settings) {
        this.tools = tools;
        this.settings = settings;
    }

    /** Why {@code program} cannot work with the database {@code connection} reaches, or empty when it can. */
    Optional<String> unusable(String program, Connection connection) throws SQLException {
        int serverMajor = serverMajorVersion(connection);
        OptionalInt major = PgTools.majorVersion(program);
        if (major.isEmpty()) {
            return Optional.of(program + " is not on the PATH (or does not run)");
        }
        if (major.getAsInt() < serverMajor) {
            return Optional.of(program + " is version " + major.getAsInt() + ", older than the server's " + serverMajor);
        }
        if (PgTools.environment(settings).isEmpty()) {
            return Optional.of(program + " cannot be given the database URL's options (only sslmode is passed on)");
        }
        return Optional.empty();
    }

    Summary backup(Path file) {
        try (Connection connection = DatabaseBackup.connect(settings)) {
            unusable(tools.pgDump(), connection).ifPresent(reason -> {
                throw new BackupException("cannot back up with pg_dump: " + reason);
            });
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                String snapshot;
                try (ResultSet rows = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    rows.next();
                    snapshot = rows.getString(1);
                }
                // The transaction idles while pg_dump works; it must live until pg_dump has taken the snapshot over.
                statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
                SchemaCatalog catalog = SchemaCatalog.read(connection);
                if (!catalog.hasHistory()) {
                    throw new BackupException("the database has no Flyway schema history (" + Migrations.HISTORY_TABLE
                            + "): it is not an eventa database, or was never migrated");
                }
                MigrationVersion version = BuiltInDump.schemaVersion(statement, catalog);
                Map<String, Long> rows = rowCounts(statement, catalog);
                PgTools.run(PgTools.command(tools.pgDump(), List.of("--format=custom", "--no-password",
                        "--snapshot=" + snapshot, "--file=" + file), environment()));
                return new Summary(NAME, version.getVersion(), rows, Files.size(file));
            } finally {
                connection.rollback();
            }
        } catch (SQLException | IOException e) {
            throw new BackupException("the backup failed: " + e.getMessage(), e);
        }
    }

    Summary restore(Path file) {
        try (Connection connection = DatabaseBackup.connect(settings)) {
            unusable(tools.pgRestore(), connection).ifPresent(reason -> {
                throw new BackupException("this backup was made by pg_dump, and restoring it needs pg_restore: " + reason);
            });
            MigrationVersion version = archiveSchemaVersion(file);
            RestoreTarget.requireKnown(version, settings);
            RestoreTarget.requireEmpty(connection, version);
            List<String> arguments = new ArrayList<>(List.of("--single-transaction", "--exit-on-error", "--no-owner",
                    "--no-privileges", "--no-password"));
            if (!SchemaCatalog.read(connection).tables().isEmpty()) {
                arguments.addAll(List.of("--clean", "--if-exists"));
            }
            arguments.add("--dbname=" + environment().get("PGDATABASE"));
            arguments.add(file.toString());
            PgTools.run(PgTools.command(tools.pgRestore(), arguments, environment()));
            try (Statement statement = connection.createStatement()) {
                return new Summary(NAME, version.getVersion(), rowCounts(statement, SchemaCatalog.read(connection)),
                        Files.size(file));
            }
        } catch (SQLException | IOException e) {
            throw new BackupException("the restore failed: " + e.getMessage(), e);
        }
    }

    /** The newest successful migration in the archive's copy of Flyway's history. */
    private MigrationVersion archiveSchemaVersion(Path file) {
        String script = PgTools.run(PgTools.command(tools.pgRestore(), List.of("--data-only",
                "--table=" + Migrations.HISTORY_TABLE, "--file=-", file.toString()), environment()));
        List<String> lines = script.lines().toList();
        MigrationVersion newest = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("COPY ") || !line.contains(Migrations.HISTORY_TABLE + " (")) {
                continue;
            }
            List<String> columns = Arrays.stream(line.substring(line.indexOf('(') + 1, line.indexOf(')')).split(","))
                    .map(String::strip).toList();
            int versionColumn = columns.indexOf("version");
            int successColumn = columns.indexOf("success");
            for (i++; i < lines.size() && !lines.get(i).equals("\\."); i++) {
                String[] fields = lines.get(i).split("\t", -1);
                if (fields.length == columns.size() && fields[successColumn].equals("t")
                        && !fields[versionColumn].equals("\\N")) {
                    MigrationVersion version = MigrationVersion.fromVersion(fields[versionColumn]);
                    newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
                }
            }
        }
        if (newest == null) {
            throw new BackupException("this pg_dump archive holds no Flyway schema history: it is not a backup of an "
                    + "eventa database");
        }
        return newest;
    }

    private Map<String, String> environment() {
        return PgTools.environment(settings).orElseThrow();
    }

    private static Map<String, Long> rowCounts(Statement statement, SchemaCatalog catalog) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : catalog.tables()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + catalog.qualified(table.name()))) {
                rows.next();
                counts.put(table.name(), rows.getLong(1));
            }
        }
        return counts;
    }

    private static int serverMajorVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
