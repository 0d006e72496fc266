package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup.Method;
import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in format end to end: a database with rows in every table and about 20 MiB of
 * receipts is backed up and restored into an empty database and into a migrated, empty one,
 * and every table comes back as it was, sequences included.
 */
class DatabaseBackupTest {

    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @TempDir
    static Path directory;

    private static Path backup;
    private static Summary written;

    @BeforeAll
    static void seedAndBackUp() throws Exception {
        BackupFixtures.seedEveryTable(database.persistence(), 10 * MIB, 6 * MIB, 4 * MIB, 1, 300_000);
        backup = directory.resolve("eventa.backup");
        long start = System.nanoTime();
        written = new DatabaseBackup(database.settings(), Method.BUILT_IN).backup(backup);
        System.out.printf("built-in backup of ~20 MiB of receipts: %d ms, file %.1f MiB%n",
                (System.nanoTime() - start) / 1_000_000, written.bytes() / (double) MIB);
    }

    @Test
    void theSeedLeavesNoTableEmptySoTheRoundTripCoversThemAll() throws Exception {
        assertEquals(List.of(), BackupFixtures.emptyTables(database.settings()),
                "a table the fixtures do not fill is not covered by the round trip: add rows to it in BackupFixtures");
    }

    @Test
    void restoringIntoAnEmptyDatabaseGivesBackEveryTableAsItWas() throws Exception {
        DatabaseSettings empty = TestDatabase.fresh();

        long start = System.nanoTime();
        Summary restored = new DatabaseBackup(empty, Method.BUILT_IN).restore(backup);
        System.out.printf("built-in restore of ~20 MiB of receipts: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertEquals(BackupFixtures.contents(database.settings()), BackupFixtures.contents(empty));
        assertEquals(written, restored);
    }

    @Test
    void restoringIntoAMigratedButEmptyDatabaseWorksToo() throws Exception {
        DatabaseSettings migrated = TestDatabase.fresh();
        try (PostgresPersistence persistence = new PostgresPersistence(migrated)) {
            persistence.migrate();
        }

        new DatabaseBackup(migrated, Method.BUILT_IN).restore(backup);

        assertEquals(BackupFixtures.contents(database.settings()), BackupFixtures.contents(migrated));
    }

    @Test
    void theSummarySaysWhatTheFileHolds() throws Exception {
        assertEquals("eventa-backup/1", written.format());
        List<MigrationVersion> known = Migrations.known(database.settings());
        assertEquals(known.get(known.size() - 1).getVersion(), written.schemaVersion(), "the newest migration");
        assertEquals(Files.size(backup), written.bytes());
        Map<String, String> contents = BackupFixtures.contents(database.settings());
        assertEquals(contents.keySet(), written.rows().keySet(), "every table, Flyway's history included");
        written.rows().forEach((table, rows) ->
                assertEquals(contents.get(table).split(" ")[0], String.valueOf(rows), table));
        List<String> order = List.copyOf(written.rows().keySet());
        assertTrue(order.indexOf("users") < order.indexOf("events"), "referenced tables load first");
        assertTrue(order.indexOf("budget_items") < order.indexOf("receipts"));
        assertTrue(order.indexOf("event_memberships") < order.indexOf("tasks"));
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertTrue(zip.getEntry("manifest.json") != null);
            assertEquals(written.rows().size() + 1, zip.size(), "the manifest and one entry per table");
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(backup), files.toList(), "no temporary file is left beside the backup");
        }
    }

    @Test
    void sequencesGoOnWhereTheyWereSoNewRowsDoNotCollide() throws Exception {
        DatabaseSettings empty = TestDatabase.fresh();
        new DatabaseBackup(empty, Method.BUILT_IN).restore(backup);

        assertEquals(BackupFixtures.queryLong(database.settings(), "SELECT last_value FROM outbox_id_seq"),
                BackupFixtures.queryLong(empty, "SELECT last_value FROM outbox_id_seq"));
        long highest = BackupFixtures.queryLong(database.settings(), "SELECT max(id) FROM outbox");
        try (Connection c = DriverManager.getConnection(empty.jdbcUrl(), empty.user(), empty.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("INSERT INTO outbox (kind, payload, state, attempts, due_at, created_at) "
                     + "VALUES ('push', '{}', 'pending', 0, now(), now()) RETURNING id")) {
            r.next();
            assertTrue(r.getLong(1) > highest, "a new row gets a number no restored row has");
        }
    }
}
