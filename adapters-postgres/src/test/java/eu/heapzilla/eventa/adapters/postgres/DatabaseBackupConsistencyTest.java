package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while a writer commits is the database of one moment: each of the writer's
 * transactions adds a task, the change log row that records it and bumps the event's change
 * sequence, the way the services write, and the restored database has all three in step.
 */
class DatabaseBackupConsistencyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int SEEDED = 2000;

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();

    @TempDir
    Path directory;

    private final ExecutorService writerThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        writerThread.shutdownNow();
    }

    @Test
    void aBackupTakenWhileAWriterCommitsHoldsEachOfItsTransactionsWhollyOrNotAtAll() throws Exception {
        seed();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        Future<?> writer = writerThread.submit(() -> {
            write(writing, commits);
            return null;
        });
        awaitCommits(commits, 20, writer);
        long committedBefore = commits.get();

        new DatabaseBackup(database.settings(), Method.BUILT_IN).backup(directory.resolve("backup"));
        long committedAfter = commits.get();
        awaitCommits(commits, committedAfter + 20, writer);
        writing.set(false);
        writer.get();

        assertTrue(committedAfter > committedBefore, "the writer committed while the backup was being taken");
        DatabaseSettings restored = TestDatabase.fresh();
        new DatabaseBackup(restored, Method.BUILT_IN).restore(directory.resolve("backup"));
        long changes = BackupFixtures.queryLong(restored, "SELECT change_seq FROM events");
        assertEquals(changes, BackupFixtures.queryLong(restored, "SELECT count(*) FROM change_log"));
        assertEquals(changes, BackupFixtures.queryLong(restored, "SELECT max(seq) FROM change_log"));
        assertEquals(changes, BackupFixtures.queryLong(restored, "SELECT count(*) FROM tasks"));
        assertEquals(0, BackupFixtures.queryLong(restored, "SELECT count(*) FROM change_log c "
                + "WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id::text = c.entity_id)"), "every change has its task");
        assertTrue(changes >= SEEDED + committedBefore, "the backup holds what was committed before it began");
        assertTrue(changes < SEEDED + commits.get(), "and not what was committed after it ended");
    }

    /** A user, an event, and {@link #SEEDED} tasks with their changes, so that reading the tables takes a while. */
    private static void seed() throws SQLException {
        try (Connection c = database.persistence().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users VALUES ('%s', 'ann@example.org', 'Ann', now(), NULL)".formatted(BackupFixtures.ANN));
            s.execute(("INSERT INTO events (id, title, timezone, currency, version, change_seq, created_at, created_by, "
                    + "updated_at, updated_by) VALUES ('%s', 'Wedding', 'UTC', 'EUR', 1, %d, now(), '%s', now(), '%s')")
                    .formatted(BackupFixtures.WEDDING, SEEDED, BackupFixtures.ANN, BackupFixtures.ANN));
            s.execute(("INSERT INTO tasks (id, event_id, title, version, created_at, created_by, updated_at, updated_by) "
                    + "SELECT md5('task' || n)::uuid, '%1$s', 'Task ' || n, 1, now(), '%2$s', now(), '%2$s' "
                    + "FROM generate_series(1, %3$d) n").formatted(BackupFixtures.WEDDING, BackupFixtures.ANN, SEEDED));
            s.execute(("INSERT INTO change_log (event_id, seq, entity_type, entity_id, op, version, actor_id, at) "
                    + "SELECT '%1$s', n, 'task', md5('task' || n)::uuid::text, 'created', 1, '%2$s', now() "
                    + "FROM generate_series(1, %3$d) n").formatted(BackupFixtures.WEDDING, BackupFixtures.ANN, SEEDED));
        }
    }

    /** Commits transactions that each add a task and its change, until told to stop. */
    private static void write(AtomicBoolean writing, AtomicLong commits) throws SQLException {
        try (Connection c = database.persistence().dataSource().getConnection();
             PreparedStatement bump = c.prepareStatement(
                     "UPDATE events SET change_seq = change_seq + 1, version = version + 1 WHERE id = ? RETURNING change_seq");
             PreparedStatement task = c.prepareStatement("INSERT INTO tasks (id, event_id, title, version, created_at, "
                     + "created_by, updated_at, updated_by) VALUES (?, ?, 'Another task', 1, now(), ?, now(), ?)");
             PreparedStatement change = c.prepareStatement("INSERT INTO change_log (event_id, seq, entity_type, entity_id, "
                     + "op, version, actor_id, at) VALUES (?, ?, 'task', ?, 'created', 1, ?, now())")) {
            c.setAutoCommit(false);
            while (writing.get()) {
                bump.setObject(1, BackupFixtures.WEDDING);
                long seq;
                try (ResultSet r = bump.executeQuery()) {
                    r.next();
                    seq = r.getLong(1);
                }
                UUID id = UUID.randomUUID();
                task.setObject(1, id);
                task.setObject(2, BackupFixtures.WEDDING);
                task.setObject(3, BackupFixtures.ANN);
                task.setObject(4, BackupFixtures.ANN);
                task.execute();
                change.setObject(1, BackupFixtures.WEDDING);
                change.setLong(2, seq);
                change.setString(3, id.toString());
                change.setObject(4, BackupFixtures.ANN);
                change.execute();
                c.commit();
                commits.incrementAndGet();
            }
        }
    }

    private static void awaitCommits(AtomicLong commits, long atLeast, Future<?> writer) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (commits.get() < atLeast) {
            if (writer.isDone()) {
                writer.get();
            }
            assertTrue(System.nanoTime() < deadline, "the writer commits");
            Thread.sleep(5);
        }
    }
}
