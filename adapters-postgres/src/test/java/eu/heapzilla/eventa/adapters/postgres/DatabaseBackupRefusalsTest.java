package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restore refuses, each time with a message that says why and without changing the
 * database: a database that holds data, a truncated or damaged backup, a file that is no
 * backup, a format or schema version newer than this build. And a backup that fails leaves
 * no file behind, and an older backup under the same name whole.
 */
class DatabaseBackupRefusalsTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @TempDir
    static Path directory;

    private static Path backup;

    @BeforeAll
    static void backUp() throws Exception {
        BackupFixtures.seedEveryTable(database.persistence(), 3 * 1024 * 1024, 1000);
        backup = directory.resolve("good.backup");
        new DatabaseBackup(database.settings(), Method.BUILT_IN).backup(backup);
    }

    @Test
    void aDatabaseThatHoldsDataIsRefusedAndKeepsItsData() throws Exception {
        DatabaseSettings used = TestDatabase.fresh();
        try (PostgresPersistence persistence = new PostgresPersistence(used)) {
            persistence.migrate();
        }
        execute(used, "INSERT INTO users VALUES (gen_random_uuid(), 'zoe@example.org', 'Zoe', now(), NULL)");
        Map<String, String> before = BackupFixtures.contents(used);

        BackupException refused = assertThrows(BackupException.class, () -> restore(used, backup));

        assertMentions(refused, "not empty", "users");
        assertEquals(before, BackupFixtures.contents(used));
    }

    @Test
    void aDatabaseWithTablesOfSomethingElseIsRefused() throws Exception {
        DatabaseSettings foreign = TestDatabase.fresh();
        execute(foreign, "CREATE TABLE invoices (id int PRIMARY KEY)");

        BackupException refused = assertThrows(BackupException.class, () -> restore(foreign, backup));

        assertMentions(refused, "not an eventa database");
        assertEquals(List.of("invoices"), BackupFixtures.tables(foreign));
    }

    @Test
    void aTruncatedBackupIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        byte[] whole = Files.readAllBytes(backup);
        Path truncated = directory.resolve("truncated.backup");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

        assertRefusedLeavingAnEmptyDatabase(truncated, "damaged");
    }

    @Test
    void aBackupWithAChangedByteInATablesDataIsRefused() throws Exception {
        Path damaged = rewrite("damaged.backup", (name, bytes) -> {
            if (name.equals(BackupManifest.entryOf("blob_chunks"))) {
                bytes[bytes.length / 2] ^= 1;
            }
            return bytes;
        });

        assertRefusedLeavingAnEmptyDatabase(damaged, "does not match its checksum");
    }

    @Test
    void aBackupDamagedAnywhereInItsBytesIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(backup);
        for (int i = 0; i < 16; i++) {
            bytes[bytes.length / 3 + i * 7] ^= (byte) 0x5a;
        }
        Path damaged = directory.resolve("flipped.backup");
        Files.write(damaged, bytes);

        assertRefusedLeavingAnEmptyDatabase(damaged, "damaged");
    }

    @Test
    void aBackupMissingATablesDataIsRefused() throws Exception {
        Path missing = rewrite("missing.backup", (name, bytes) -> name.equals(BackupManifest.entryOf("guests")) ? null : bytes);

        assertRefusedLeavingAnEmptyDatabase(missing, "the data of table guests is missing");
    }

    @Test
    void aFileThatIsNoBackupIsRefused() throws Exception {
        Path random = directory.resolve("random.bin");
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        Files.write(random, noise);
        Path text = directory.resolve("notes.txt");
        Files.writeString(text, "PK is how a zip begins, but this is text\n");
        Path otherZip = directory.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(noise);
        }

        assertRefusedLeavingAnEmptyDatabase(random, "not an eventa backup");
        assertRefusedLeavingAnEmptyDatabase(text, "not an eventa backup");
        assertRefusedLeavingAnEmptyDatabase(otherZip, "not an eventa backup");
        assertRefusedLeavingAnEmptyDatabase(directory.resolve("absent.backup"), "no such file");
    }

    @Test
    void aBackupOfANewerFormatIsRefused() throws Exception {
        Path newer = rewriteManifest("newer-format.backup", "\"format_version\":1", "\"format_version\":2");

        assertRefusedLeavingAnEmptyDatabase(newer, "format version 2, made by a newer eventa");
    }

    @Test
    void aBackupOfANewerSchemaIsRefused() throws Exception {
        String version = Migrations.known(database.settings()).get(Migrations.known(database.settings()).size() - 1)
                .getVersion();
        Path newer = rewriteManifest("newer-schema.backup", "\"schema_version\":\"" + version + "\"",
                "\"schema_version\":\"999\"");

        assertRefusedLeavingAnEmptyDatabase(newer, "schema version 999 is newer than this eventa's newest");
    }

    @Test
    void aManifestThatDoesNotMatchTheDataIsRefusedAndTheLoadRolledBack() throws Exception {
        Path lying = rewriteManifest("lying.backup", "\"name\":\"users\",", "\"name\":\"people\",");
        DatabaseSettings empty = TestDatabase.fresh();

        BackupException refused = assertThrows(BackupException.class, () -> restore(empty, lying));

        assertMentions(refused, "are not those of schema version");
        assertEquals(List.of(Migrations.HISTORY_TABLE), nonEmptyTables(empty),
                "only migrating happened: the database is empty, and another restore accepts it");
        restore(empty, backup);
        assertEquals(BackupFixtures.contents(database.settings()), BackupFixtures.contents(empty));
    }

    @Test
    void aTableWithOtherRowsThanTheManifestSaysIsRefusedAndTheLoadRolledBack() throws Exception {
        Path miscounted = rewrite("miscounted.backup", (entry, bytes) -> {
            if (!entry.equals(BackupManifest.ENTRY)) {
                return bytes;
            }
            String manifest = new String(bytes, StandardCharsets.UTF_8);
            int rows = manifest.indexOf("\"rows\":2,", manifest.indexOf("\"name\":\"users\""));
            assertTrue(rows > 0, "the manifest counts two users");
            return (manifest.substring(0, rows) + "\"rows\":3," + manifest.substring(rows + "\"rows\":2,".length()))
                    .getBytes(StandardCharsets.UTF_8);
        });
        DatabaseSettings empty = TestDatabase.fresh();

        BackupException refused = assertThrows(BackupException.class, () -> restore(empty, miscounted));

        assertMentions(refused, "table users has 2 rows, its manifest says 3");
        assertEquals(List.of(Migrations.HISTORY_TABLE), nonEmptyTables(empty), "nothing was loaded");
    }

    @Test
    void aFailedBackupLeavesNoFileAndAnOlderBackupWhole() throws Exception {
        Path out = directory.resolve("failing").resolve("eventa.backup");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "yesterday's backup");
        DatabaseSettings neverMigrated = TestDatabase.fresh();
        execute(neverMigrated, "CREATE TABLE stray (id int)");

        BackupException refused = assertThrows(BackupException.class,
                () -> new DatabaseBackup(neverMigrated, Method.BUILT_IN).backup(out));

        assertMentions(refused, "no Flyway schema history");
        assertEquals("yesterday's backup", Files.readString(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
        assertThrows(BackupException.class, () -> new DatabaseBackup(database.settings(), Method.BUILT_IN)
                .backup(directory.resolve("no-such-directory").resolve("eventa.backup")));
    }

    private static void assertRefusedLeavingAnEmptyDatabase(Path file, String reason) throws Exception {
        DatabaseSettings empty = TestDatabase.fresh();

        BackupException refused = assertThrows(BackupException.class, () -> restore(empty, file));

        assertMentions(refused, reason);
        assertEquals(List.of(), BackupFixtures.tables(empty), "nothing was created");
    }

    private static void assertMentions(BackupException refused, String... parts) {
        for (String part : parts) {
            assertTrue(refused.getMessage().contains(part), "\"" + refused.getMessage() + "\" says " + part);
        }
    }

    private static void restore(DatabaseSettings target, Path file) {
        new DatabaseBackup(target, Method.BUILT_IN).restore(file);
    }

    private static List<String> nonEmptyTables(DatabaseSettings settings) throws Exception {
        List<String> all = BackupFixtures.tables(settings);
        List<String> empty = BackupFixtures.emptyTables(settings);
        return all.stream().filter(t -> !empty.contains(t)).toList();
    }

    private static Path rewriteManifest(String name, String from, String to) throws IOException {
        return rewrite(name, (entry, bytes) -> {
            if (!entry.equals(BackupManifest.ENTRY)) {
                return bytes;
            }
            String manifest = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(manifest.contains(from), "the manifest has " + from);
            return manifest.replace(from, to).getBytes(StandardCharsets.UTF_8);
        });
    }

    /** A copy of the good backup with each entry's bytes as {@code edit} gives them back (null drops the entry). */
    private static Path rewrite(String name, BiFunction<String, byte[], byte[]> edit) throws IOException {
        Path copy = directory.resolve(name);
        try (ZipFile zip = new ZipFile(backup.toFile());
             OutputStream out = Files.newOutputStream(copy);
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = edit.apply(entry.getName(), in.readAllBytes());
                }
                if (bytes != null) {
                    rewritten.putNextEntry(new ZipEntry(entry.getName()));
                    rewritten.write(bytes);
                    rewritten.closeEntry();
                }
            }
        }
        return copy;
    }

    private static void execute(DatabaseSettings settings, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
