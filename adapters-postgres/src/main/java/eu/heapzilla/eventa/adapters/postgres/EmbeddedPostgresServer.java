package eu.heapzilla.eventa.adapters.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 16 server run by this process from binaries shipped as Maven artifacts, for an
 * install with no database of its own. Its data directory survives restarts; {@link #close()}
 * stops the server (a JVM shutdown hook of the embedding library does too).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String DATABASE = "postgres";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a server on a free loopback port, creating the data directory on first use. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            log.info("embedded PostgreSQL {} on 127.0.0.1:{}, data in {} ({})",
                    "16", postgres.getPort(), dataDirectory.toAbsolutePath(), existing ? "existing data" : "new data directory");
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** How to reach it: the superuser over loopback (the server trusts only local connections). */
    public DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(postgres.getJdbcUrl(SUPERUSER, DATABASE).replaceFirst("\\?.*$", ""),
                SUPERUSER, null, poolSize);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
