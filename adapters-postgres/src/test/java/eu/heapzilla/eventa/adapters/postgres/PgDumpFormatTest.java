package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup.Method;
import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup.Summary;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups through {@code pg_dump} and {@code pg_restore}: chosen only when they are at least
 * as recent as the server, and then a round trip as faithful as the built-in format's. The
 * round trips run only where such programs are on the PATH (a JUnit assumption): the embedded
 * server ships none, so they need a PostgreSQL client installation of the server's version, or
 * {@code EVENTA_TEST_DATABASE_URL} pointing at a server no newer than the installed client.
 */
class PgDumpFormatTest {

    private static final PgTools ABSENT = new PgTools("eventa-no-such-pg_dump", "eventa-no-such-pg_restore");

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @TempDir
    static Path directory;

    @BeforeAll
    static void seed() throws Exception {
        BackupFixtures.seedEveryTable(database.persistence(), 2 * 1024 * 1024, 10);
    }

    @Test
    void withoutPgDumpAnAutomaticBackupIsBuiltInAndAForcedOneIsRefused() throws Exception {
        Summary automatic = new DatabaseBackup(database.settings(), Method.AUTO, ABSENT).backup(directory.resolve("auto"));
        assertEquals("eventa-backup/1", automatic.format());

        Path forced = directory.resolve("forced");
        BackupException refused = assertThrows(BackupException.class,
                () -> new DatabaseBackup(database.settings(), Method.PG_DUMP, ABSENT).backup(forced));
        assertTrue(refused.getMessage().contains("cannot back up with pg_dump: eventa-no-such-pg_dump is not on the PATH"),
                refused.getMessage());
        assertFalse(Files.exists(forced));
    }

    @Test
    void aPgDumpArchiveNeedsPgRestoreAndIsRefusedWithoutIt() throws Exception {
        Path archive = directory.resolve("archive.dump");
        Files.write(archive, "PGDMP and then whatever pg_dump writes".getBytes());
        DatabaseSettings empty = TestDatabase.fresh();

        BackupException refused = assertThrows(BackupException.class,
                () -> new DatabaseBackup(empty, Method.AUTO, ABSENT).restore(archive));

        assertTrue(refused.getMessage().contains("restoring it needs pg_restore"), refused.getMessage());
        assertEquals(List.of(), BackupFixtures.tables(empty));
    }

    @Test
    void pgDumpRoundTripsEveryTableIntoAnEmptyAndIntoAMigratedDatabase() throws Exception {
        assumePgToolsAtLeastAsRecentAsTheServer();
        Path archive = directory.resolve("eventa.dump");

        long start = System.nanoTime();
        Summary written = new DatabaseBackup(database.settings()).backup(archive);
        System.out.printf("pg_dump backup: %d ms, %d bytes%n", (System.nanoTime() - start) / 1_000_000, written.bytes());

        assertEquals(PgDumpFormat.NAME, written.format(), "AUTO picks pg_dump when it is recent enough");
        try (InputStream in = Files.newInputStream(archive)) {
            assertArrayEquals(PgDumpFormat.MAGIC, in.readNBytes(5));
        }
        Map<String, String> contents = BackupFixtures.contents(database.settings());
        written.rows().forEach((table, rows) -> assertEquals(contents.get(table).split(" ")[0], String.valueOf(rows), table));

        DatabaseSettings empty = TestDatabase.fresh();
        start = System.nanoTime();
        Summary restored = new DatabaseBackup(empty).restore(archive);
        System.out.printf("pg_restore: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals(contents, BackupFixtures.contents(empty));
        assertEquals(written, restored);

        DatabaseSettings migrated = TestDatabase.fresh();
        try (PostgresPersistence persistence = new PostgresPersistence(migrated)) {
            persistence.migrate();
        }
        new DatabaseBackup(migrated).restore(archive);
        assertEquals(contents, BackupFixtures.contents(migrated));

        BackupException refused = assertThrows(BackupException.class, () -> new DatabaseBackup(migrated).restore(archive));
        assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
        assertEquals(contents, BackupFixtures.contents(migrated));
    }

    private static void assumePgToolsAtLeastAsRecentAsTheServer() throws Exception {
        long server = BackupFixtures.queryLong(database.settings(), "SELECT current_setting('server_version_num')::int / 10000");
        OptionalInt pgDump = PgTools.majorVersion("pg_dump");
        OptionalInt pgRestore = PgTools.majorVersion("pg_restore");
        assumeTrue(pgDump.isPresent() && pgDump.getAsInt() >= server && pgRestore.isPresent()
                        && pgRestore.getAsInt() >= server,
                "needs pg_dump and pg_restore of PostgreSQL " + server + " or newer on the PATH; found " + pgDump + ", "
                        + pgRestore);
    }
}
