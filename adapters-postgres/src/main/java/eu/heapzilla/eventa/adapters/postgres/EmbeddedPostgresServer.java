package eu.heapzilla.eventa.adapters.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 16 server run by this process from binaries shipped as Maven artifacts, for an
 * install with no database of its own. Its data directory survives restarts; {@link #close()}
 * stops the server and returns once its process has exited; the owner must call it.
 *
 * <p>A command-line tool (backup, export, …) run while eventa serves from the same data directory
 * {@linkplain #attachOrStart attaches} to the running server instead: it connects to the port
 * the server's {@code postmaster.pid} names, and leaves the server running when it closes.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String DATABASE = "postgres";
    private static final String SUPERUSER = "postgres";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final String LOCK_FILE = "epg-lock";

    /** The line of {@code postmaster.pid} that holds the port, counted from 0. */
    private static final int PORT_LINE = 3;

    /** Empty when attached to a server another process runs. */
    private final Optional<EmbeddedPostgres> postgres;
    private final int port;
    private final Optional<ProcessHandle> postmaster;

    private EmbeddedPostgresServer(Optional<EmbeddedPostgres> postgres, int port, Path dataDirectory) {
        this.postgres = postgres;
        this.port = port;
        this.postmaster = readPostmaster(dataDirectory);
    }

    /**
     * Connects to the server another eventa process runs on {@code dataDirectory}, or, when none
     * does, {@linkplain #start starts} one.
     */
    public static EmbeddedPostgresServer attachOrStart(Path dataDirectory) {
        try {
            if (Files.isDirectory(dataDirectory) && inUseByAnotherProcess(dataDirectory)) {
                Optional<ProcessHandle> running = readPostmaster(dataDirectory).filter(ProcessHandle::isAlive)
                        .filter(process -> servesDirectory(process, dataDirectory));
                Optional<Integer> port = readPort(dataDirectory);
                if (running.isPresent() && port.isPresent()) {
                    log.info("using the embedded PostgreSQL that another eventa process runs on 127.0.0.1:{} (pid {})",
                            port.get(), running.get().pid());
                    return new EmbeddedPostgresServer(Optional.empty(), port.get(), dataDirectory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not look for a running embedded PostgreSQL in " + dataDirectory, e);
        }
        return start(dataDirectory);
    }

    /** Starts a server on a free loopback port, creating the data directory on first use. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            if (inUseByAnotherProcess(dataDirectory)) {
                throw new IllegalStateException("another eventa process is using " + dataDirectory.toAbsolutePath()
                        + "; stop it first, or give this one its own EVENTA_DATA_DIR");
            }
            stopLeftoverPostmaster(dataDirectory);
            boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // The owner closes it (eventa's own shutdown hook does, in order, after HTTP
                    // and the pool); a second hook racing it could not be waited for.
                    .setRegisterShutdownHook(false)
                    // The runner's defaults suit throw-away test databases (fsync off, commits
                    // acknowledged before they are durable). This one holds people's plans.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            log.info("embedded PostgreSQL {} on 127.0.0.1:{}, data in {} ({})",
                    "16", postgres.getPort(), dataDirectory.toAbsolutePath(), existing ? "existing data" : "new data directory");
            return new EmbeddedPostgresServer(Optional.of(postgres), postgres.getPort(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** How to reach it: the superuser over loopback (the server trusts only local connections). */
    public DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/" + DATABASE, SUPERUSER, null, poolSize);
    }

    /** Whether this process runs the server (rather than using one another process runs). */
    public boolean ownsServer() {
        return postgres.isPresent();
    }

    /** Stops the server and waits until its postmaster process has exited. */
    @Override
    public void close() {
        if (postgres.isEmpty()) {
            return;
        }
        try {
            postgres.get().close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
        postmaster.ifPresent(EmbeddedPostgresServer::awaitExit);
        if (postmaster.map(ProcessHandle::isAlive).orElse(false)) {
            log.warn("embedded PostgreSQL (pid {}) is still shutting down", postmaster.get().pid());
        } else {
            log.info("embedded PostgreSQL stopped");
        }
    }

    /** The server process, as it was when the server started. */
    Optional<ProcessHandle> postmaster() {
        return postmaster;
    }

    /**
     * The embedding library holds an exclusive lock on {@code epg-lock} in the data directory for
     * as long as the process that started the server lives; the operating system drops it when
     * that process dies, however it dies.
     */
    private static boolean inUseByAnotherProcess(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException heldByThisProcess) {
            return true;
        }
    }

    /**
     * A postmaster that still serves this data directory although no live process holds its lock is
     * left over from a process that died without shutting it down (SIGKILL, power loss of the
     * JVM's container, …). It would refuse a new server; it has no clients left, so it is asked
     * to shut down (SIGTERM, PostgreSQL's "smart" mode) before the new server starts.
     */
    private static void stopLeftoverPostmaster(Path dataDirectory) {
        Optional<ProcessHandle> leftover = readPostmaster(dataDirectory)
                .filter(ProcessHandle::isAlive)
                .filter(process -> servesDirectory(process, dataDirectory));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = leftover.get();
        log.warn("the embedded PostgreSQL of an earlier run (pid {}) is still running on {}: it was not shut down "
                + "cleanly; stopping it before starting again", postmaster.pid(), dataDirectory.toAbsolutePath());
        postmaster.destroy();
        awaitExit(postmaster);
        if (postmaster.isAlive()) {
            throw new IllegalStateException("the embedded PostgreSQL of an earlier run (pid " + postmaster.pid()
                    + ") did not stop; stop it by hand and start eventa again");
        }
    }

    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        String expected = dataDirectory.toAbsolutePath().normalize().toString();
        String[] arguments = process.info().arguments().orElse(new String[0]);
        boolean postgres = process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
        for (int i = 0; postgres && i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && Path.of(arguments[i + 1]).toAbsolutePath().normalize().toString().equals(expected)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitExit(ProcessHandle process) {
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<Integer> readPort(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.size() <= PORT_LINE ? Optional.empty() : Optional.of(Integer.parseInt(lines.get(PORT_LINE).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first line of {@code postmaster.pid}, while the server runs. */
    private static Optional<ProcessHandle> readPostmaster(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
