package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.adapters.postgres.BackupManifest.SequenceValue;
import eu.heapzilla.eventa.adapters.postgres.BackupManifest.TableEntry;
import eu.heapzilla.eventa.adapters.postgres.SchemaCatalog.Column;
import eu.heapzilla.eventa.adapters.postgres.SchemaCatalog.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the built-in backup format: a zip of one binary {@code COPY} per table and a {@link
 * BackupManifest}, all read in one {@code REPEATABLE READ, READ ONLY} transaction, so that the
 * backup is the database as it was at one moment however many writers commit meanwhile; the
 * transaction never blocks them. Rows go from the server into the zip as they arrive, so no
 * table is ever in memory. The manifest is the last entry, because it holds every entry's digest.
 */
final class BuiltInDump {

    private BuiltInDump() {
    }

    /** Writes the backup of the database {@code connection} (fresh, not in a transaction) reaches to {@code out}. */
    static BackupManifest write(Connection connection, OutputStream out) throws SQLException, IOException {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            Instant takenAt;
            String serverVersion;
            // The first statement takes the snapshot that every later one reads.
            try (ResultSet rows = statement.executeQuery("SELECT now(), current_setting('server_version'), "
                    + "current_setting('transaction_isolation'), current_setting('transaction_read_only')")) {
                rows.next();
                takenAt = rows.getTimestamp(1).toInstant();
                serverVersion = rows.getString(2);
                if (!rows.getString(3).equals("repeatable read") || !rows.getString(4).equals("on")) {
                    throw new IllegalStateException("the backup's transaction is " + rows.getString(3)
                            + " (read only: " + rows.getString(4) + "), not a repeatable read, read only snapshot");
                }
            }
            // As pg_dump does: a server or role default must not cut a long read short.
            statement.execute("SET LOCAL statement_timeout = 0");
            statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
            SchemaCatalog catalog = SchemaCatalog.read(connection);
            if (!catalog.hasHistory()) {
                throw new BackupException("the database has no Flyway schema history (" + Migrations.HISTORY_TABLE
                        + "): it is not an eventa database, or was never migrated");
            }
            // As pg_dump does: no migration may alter or drop a table while it is being read.
            statement.execute("LOCK TABLE " + catalog.tables().stream().map(t -> catalog.qualified(t.name()))
                    .collect(Collectors.joining(", ")) + " IN ACCESS SHARE MODE");
            MigrationVersion schemaVersion = schemaVersion(statement, catalog);

            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.setLevel(Deflater.BEST_SPEED);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<TableEntry> tables = new ArrayList<>();
            for (Table table : catalog.tables()) {
                tables.add(copyOut(copy, catalog, table, zip));
            }
            List<SequenceValue> sequences = sequenceValues(statement, catalog);
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, takenAt, serverVersion,
                    schemaVersion, tables, sequences);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return manifest;
        } finally {
            connection.rollback();
        }
    }

    private static TableEntry copyOut(CopyManager copy, SchemaCatalog catalog, Table table, ZipOutputStream zip)
            throws SQLException, IOException {
        String entry = BackupManifest.entryOf(table.name());
        zip.putNextEntry(new ZipEntry(entry));
        EntryDigest digest = new EntryDigest();
        long rows;
        try (OutputStream sink = digest.writingTo(zip)) {
            rows = copy.copyOut("COPY (SELECT " + columnList(table) + " FROM " + catalog.qualified(table.name())
                    + ") TO STDOUT (FORMAT binary)", sink);
        }
        zip.closeEntry();
        return new TableEntry(table.name(), entry, table.columns(), rows, digest.bytes(), digest.sha256());
    }

    static String columnList(Table table) {
        return table.columns().stream().map(Column::name).map(SchemaCatalog::quote).collect(Collectors.joining(", "));
    }

    static MigrationVersion schemaVersion(Statement statement, SchemaCatalog catalog) throws SQLException {
        return appliedVersion(statement, catalog).orElseThrow(() -> new BackupException(
                "the database's Flyway schema history records no migration: it was never migrated"));
    }

    /** The newest migration applied, as the transaction of {@code statement} sees the history. */
    static Optional<MigrationVersion> appliedVersion(Statement statement, SchemaCatalog catalog) throws SQLException {
        MigrationVersion newest = null;
        try (ResultSet rows = statement.executeQuery("SELECT version FROM " + catalog.qualified(Migrations.HISTORY_TABLE)
                + " WHERE success AND version IS NOT NULL")) {
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                if (newest == null || version.compareTo(newest) > 0) {
                    newest = version;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * Sequences are not transactional: this reads their values now, not as of the snapshot. They
     * only grow, so each is at least what the snapshot's rows used, and a restored database hands
     * out no number its rows already hold.
     */
    private static List<SequenceValue> sequenceValues(Statement statement, SchemaCatalog catalog) throws SQLException {
        List<SequenceValue> values = new ArrayList<>();
        for (String sequence : catalog.sequences()) {
            try (ResultSet rows = statement.executeQuery("SELECT last_value, is_called FROM " + catalog.qualified(sequence))) {
                rows.next();
                values.add(new SequenceValue(sequence, rows.getLong(1), rows.getBoolean(2)));
            }
        }
        return values;
    }
}
