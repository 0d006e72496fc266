package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.adapters.postgres.BackupManifest.SequenceValue;
import eu.heapzilla.eventa.adapters.postgres.BackupManifest.TableEntry;
import eu.heapzilla.eventa.adapters.postgres.SchemaCatalog.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Restores a backup of the built-in format into an empty database, in three steps:
 * <ol>
 *   <li>Check the file without touching the database: a readable zip, a manifest of a format
 *       this build reads, a schema version among this build's migrations, and every entry's
 *       length and SHA-256 as the manifest says. A damaged or truncated file stops here.</li>
 *   <li>Check that the database holds no eventa data ({@link RestoreTarget}), and migrate it
 *       with Flyway to exactly the backup's schema version.</li>
 *   <li>In one transaction: compare the migrated tables' columns with the manifest's, lock the
 *       tables, load each with a binary {@code COPY} in foreign-key order (so every constraint
 *       is checked as rows arrive, none needs deferring or disabling), check each table's row
 *       count and digest again, and set the sequences. Anything wrong rolls all of it back.
 *       Flyway's history is not loaded: migrating wrote it.</li>
 * </ol>
 * A failure after step 2 leaves the database migrated and empty, which a new restore accepts.
 */
final class BuiltInRestore {

    private static final int MANIFEST_LIMIT = 4 * 1024 * 1024;

    private BuiltInRestore() {
    }

    static BackupManifest restore(Path file, DatabaseSettings settings) {
        try (ZipFile zip = open(file)) {
            BackupManifest manifest = manifest(zip);
            verifyEntries(zip, manifest);
            RestoreTarget.requireKnown(manifest.schemaVersion(), settings);
            try (Connection connection = DatabaseBackup.connect(settings)) {
                RestoreTarget.requireEmpty(connection, manifest.schemaVersion());
                migrate(settings, manifest.schemaVersion());
                load(connection, zip, manifest);
            }
            return manifest;
        } catch (IOException e) {
            throw BackupManifest.damaged("reading it failed: " + e.getMessage());
        } catch (SQLException e) {
            throw new BackupException("the restore failed, and loaded nothing: " + e.getMessage(), e);
        }
    }

    private static void migrate(DatabaseSettings settings, MigrationVersion version) {
        try {
            Migrations.applyUpTo(settings, version);
        } catch (FlywayException e) {
            throw new BackupException("migrating the database to the backup's schema version " + version + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path file) {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw BackupManifest.damaged("it is not a complete zip file (truncated?): " + e.getMessage());
        } catch (IOException e) {
            throw new BackupException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new BackupException("not an eventa backup: the zip file holds no " + BackupManifest.ENTRY);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MANIFEST_LIMIT + 1);
            if (bytes.length > MANIFEST_LIMIT) {
                throw BackupManifest.damaged("its manifest is larger than " + MANIFEST_LIMIT + " bytes");
            }
            return BackupManifest.parse(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static void verifyEntries(ZipFile zip, BackupManifest manifest) throws IOException {
        Set<String> seen = new TreeSet<>();
        for (TableEntry table : manifest.tables()) {
            if (!seen.add(table.name())) {
                throw BackupManifest.damaged("its manifest lists table " + table.name() + " twice");
            }
            EntryDigest digest = new EntryDigest();
            try (InputStream in = digest.readingFrom(entryStream(zip, table))) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (ZipException e) {
                throw BackupManifest.damaged("the data of table " + table.name() + " cannot be unpacked: " + e.getMessage());
            }
            requireIntact(table, digest);
        }
    }

    private static InputStream entryStream(ZipFile zip, TableEntry table) throws IOException {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw BackupManifest.damaged("the data of table " + table.name() + " is missing");
        }
        return zip.getInputStream(entry);
    }

    private static void requireIntact(TableEntry table, EntryDigest digest) {
        if (digest.bytes() != table.bytes() || !digest.sha256().equals(table.sha256())) {
            throw BackupManifest.damaged("the data of table " + table.name() + " does not match its checksum");
        }
    }

    private static void load(Connection connection, ZipFile zip, BackupManifest manifest) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = 0");
            SchemaCatalog catalog = SchemaCatalog.read(connection);
            Map<String, TableEntry> entries = matchTables(catalog, manifest);
            List<Table> tables = catalog.tables().stream()
                    .filter(t -> !t.name().equals(Migrations.HISTORY_TABLE))
                    .toList();
            statement.execute("LOCK TABLE " + tables.stream().map(t -> catalog.qualified(t.name()))
                    .collect(Collectors.joining(", ")) + " IN ACCESS EXCLUSIVE MODE");
            RestoreTarget.requireNoRows(connection, catalog);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Table table : tables) {
                copyIn(copy, catalog, table, entries.get(table.name()), zip);
            }
            setSequences(connection, catalog, manifest.sequences());
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** The manifest's entry of each table the migrated database has; both must list the same tables and columns. */
    private static Map<String, TableEntry> matchTables(SchemaCatalog catalog, BackupManifest manifest) {
        Map<String, TableEntry> entries = new HashMap<>();
        manifest.tables().forEach(t -> entries.put(t.name(), t));
        Set<String> expected = catalog.tables().stream().map(Table::name).collect(Collectors.toCollection(TreeSet::new));
        requireSame("tables", expected, entries.keySet(), manifest);
        for (Table table : catalog.tables()) {
            if (!table.name().equals(Migrations.HISTORY_TABLE)
                    && !table.columns().equals(entries.get(table.name()).columns())) {
                throw new BackupException("the backup's columns of table " + table.name() + " are not those of schema "
                        + "version " + manifest.schemaVersion() + ": the backup is damaged or was edited");
            }
        }
        requireSame("sequences", new TreeSet<>(catalog.sequences()),
                manifest.sequences().stream().map(SequenceValue::name).collect(Collectors.toSet()), manifest);
        return entries;
    }

    private static void requireSame(String what, Set<String> expected, Set<String> found, BackupManifest manifest) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new BackupException("the backup's " + what + " are not those of schema version " + manifest.schemaVersion()
                    + " (missing: " + missing + ", unknown: " + unexpected + "): the backup is damaged or was edited");
        }
    }

    private static void copyIn(CopyManager copy, SchemaCatalog catalog, Table table, TableEntry entry, ZipFile zip)
            throws SQLException, IOException {
        EntryDigest digest = new EntryDigest();
        long rows;
        try (InputStream in = digest.readingFrom(entryStream(zip, entry))) {
            rows = copy.copyIn("COPY " + catalog.qualified(table.name()) + " (" + BuiltInDump.columnList(table)
                    + ") FROM STDIN (FORMAT binary)", in);
        } catch (SQLException e) {
            throw new BackupException("table " + table.name() + " could not be loaded: " + e.getMessage(), e);
        }
        requireIntact(entry, digest);
        if (rows != entry.rows()) {
            throw BackupManifest.damaged("table " + table.name() + " has " + rows + " rows, its manifest says " + entry.rows());
        }
    }

    private static void setSequences(Connection connection, SchemaCatalog catalog, List<SequenceValue> sequences)
            throws SQLException {
        try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            for (SequenceValue sequence : sequences) {
                setval.setString(1, catalog.qualified(sequence.name()));
                setval.setLong(2, sequence.lastValue());
                setval.setBoolean(3, sequence.isCalled());
                setval.execute();
            }
        }
    }
}
