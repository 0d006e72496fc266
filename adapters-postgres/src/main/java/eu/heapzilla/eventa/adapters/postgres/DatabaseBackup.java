package eu.heapzilla.eventa.adapters.postgres;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent logical backup of an eventa database into one file, and its restore into an
 * empty database: what the {@code backup --out FILE} and {@code restore FILE} verbs run.
 *
 * <p><b>Two formats.</b> When {@code pg_dump} is on the PATH and its major version is at least
 * the server's, a backup is {@code pg_dump --format=custom} ({@link PgDumpFormat}): the tool
 * every PostgreSQL operator knows, and the file {@code pg_restore} reads without eventa.
 * Otherwise (the embedded server ships no client programs) it is eventa's built-in format
 * ({@link BuiltInDump}): a zip holding a {@code manifest.json} and one binary {@code COPY} per
 * table of the eventa schema, every table the catalogue lists, Flyway's history included.
 * {@link Method} picks one explicitly. Either way the backup is one snapshot of the database, the
 * state of one moment however many writers commit meanwhile, and it never blocks them. A restore
 * tells the formats apart by the file's first bytes ({@code PGDMP} is pg_dump's), and the custom
 * format needs {@code pg_restore} as recent as the server.
 *
 * <p><b>Files.</b> A backup is written to a hidden temporary file beside {@code out}, flushed to
 * disk and then renamed over {@code out} in one step: a failed or interrupted backup leaves at
 * most that temporary file, never a partial file under the final name, and an older backup under
 * that name stays whole until the new one replaces it. Table data and receipt bytes stream from
 * the server to the file and back; no table is held in memory.
 *
 * <p><b>Restore</b> goes only into a database without eventa data: no tables at all, or a schema
 * migrated to the backup's version or an older one whose tables are all empty. The database is
 * migrated to exactly the backup's schema version and loaded in one transaction; anything wrong
 * with the file (not a backup, truncated, a checksum or row count that does not match, a format
 * or schema version newer than this build knows) is a {@link BackupException} and loads nothing.
 * Afterwards the server migrates the database to its own version as on every start.
 */
public final class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** How a backup is made; a restore follows the file's format whatever this says. */
    public enum Method {
        /** {@code pg_dump} when a recent enough one is on the PATH, the built-in format otherwise. */
        AUTO,
        /** Always the built-in format. */
        BUILT_IN,
        /** Always {@code pg_dump}; a backup fails when it is missing or older than the server. */
        PG_DUMP
    }

    /**
     * What a backup holds, or a restore loaded.
     *
     * @param format        {@code eventa-backup/1} (built-in, with its format version) or {@code pg_dump-custom}
     * @param schemaVersion the Flyway schema version of the data
     * @param rows          each table's row count, in the order a restore loads them
     * @param bytes         the size of the backup file
     */
    public record Summary(String format, String schemaVersion, Map<String, Long> rows, long bytes) {

        public Summary {
            rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }
    }

    private final DatabaseSettings settings;
    private final Method method;
    private final PgTools tools;

    /** Backs up with {@link Method#AUTO}. */
    public DatabaseBackup(DatabaseSettings settings) {
        this(settings, Method.AUTO);
    }

    public DatabaseBackup(DatabaseSettings settings, Method method) {
        this(settings, method, PgTools.onPath());
    }

    DatabaseBackup(DatabaseSettings settings, Method method, PgTools tools) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.method = Objects.requireNonNull(method, "method");
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    /** Writes a backup of the whole database to {@code out}, replacing a file there only once the backup is complete. */
    public Summary backup(Path out) {
        Path target = out.toAbsolutePath();
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new BackupException("cannot write " + target + ": its directory does not exist");
        }
        Path partial;
        try {
            partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new BackupException("cannot write in " + directory + ": " + e.getMessage(), e);
        }
        try {
            Summary summary = usePgDump() ? new PgDumpFormat(tools, settings).backup(partial) : builtIn(partial);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            moveIntoPlace(partial, target);
            log.info("backup of {} written to {}: {} format, schema version {}, {} bytes",
                    settings.jdbcUrl(), target, summary.format(), summary.schemaVersion(), summary.bytes());
            return summary;
        } catch (IOException e) {
            throw new BackupException("the backup could not be written to " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.warn("could not delete the unfinished backup {}: {}", partial, e.getMessage());
            }
        }
    }

    /** Loads the backup {@code in} into this database, which must hold no eventa data. */
    public Summary restore(Path in) {
        byte[] head = head(in);
        Summary summary;
        if (startsWith(head, PgDumpFormat.MAGIC)) {
            summary = new PgDumpFormat(tools, settings).restore(in);
        } else if (startsWith(head, ZIP_MAGIC)) {
            BackupManifest manifest = BuiltInRestore.restore(in, settings);
            summary = summary(manifest, size(in));
        } else {
            throw new BackupException("not an eventa backup: " + in + " is neither an eventa backup file nor a pg_dump "
                    + "archive in the custom format");
        }
        log.info("backup {} restored into {}: {} format, schema version {}",
                in, settings.jdbcUrl(), summary.format(), summary.schemaVersion());
        return summary;
    }

    private boolean usePgDump() {
        if (method == Method.BUILT_IN) {
            return false;
        }
        if (method == Method.PG_DUMP) {
            return true;
        }
        try (Connection connection = connect(settings)) {
            Optional<String> unusable = new PgDumpFormat(tools, settings).unusable(tools.pgDump(), connection);
            unusable.ifPresent(reason -> log.info("backing up in the built-in format: {}", reason));
            return unusable.isEmpty();
        } catch (SQLException e) {
            throw new BackupException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    private Summary builtIn(Path partial) throws IOException {
        BackupManifest manifest;
        try (Connection connection = connect(settings);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            manifest = BuiltInDump.write(connection, out);
        } catch (SQLException e) {
            throw new BackupException("the backup failed: " + e.getMessage(), e);
        }
        return summary(manifest, Files.size(partial));
    }

    private static Summary summary(BackupManifest manifest, long bytes) {
        Map<String, Long> rows = new LinkedHashMap<>();
        manifest.tables().forEach(t -> rows.put(t.name(), t.rows()));
        return new Summary(BackupManifest.FORMAT + "/" + manifest.formatVersion(), manifest.schemaVersion().getVersion(),
                rows, bytes);
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + partial + " to " + target + " in one step", e);
        }
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened and synced; the rename is done either way.
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (NoSuchFileException e) {
            throw new BackupException("no such file: " + file, e);
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** One connection of its own, outside any pool: a backup holds it for as long as it reads. */
    static Connection connect(DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "eventa-backup");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }
}
