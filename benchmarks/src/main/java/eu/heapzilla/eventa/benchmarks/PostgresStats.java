package eu.heapzilla.eventa.benchmarks;

import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the embedded PostgreSQL says about itself, over connections of the benchmark's own (not
 * the core's pool): how many outbox items are pending (through the partial index the claim uses,
 * so that counting does not add sequential scans of its own), each table's sequential and index
 * scans (a table read sequentially thousands of times is a query without a fitting index), and
 * what the core's busy backends are waiting for, sampled.
 */
final class PostgresStats implements AutoCloseable {

    /** Scans of one table so far, from {@code pg_stat_user_tables}. */
    record TableScans(long seqScans, long seqRowsRead, long indexScans, long liveRows, long deadRows) {
    }

    private final DatabaseSettings settings;
    private final Connection connection;
    private volatile Thread sampler;
    private final Map<String, Long> waits = new HashMap<>();
    private long samples;
    private long activeSeen;

    PostgresStats(DatabaseSettings settings) throws SQLException {
        this.settings = settings;
        this.connection = connect(settings);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
        }
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "eventa-bench-monitor");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    /** The server's version and the settings that decide what a commit costs, as the server has them. */
    synchronized String describe() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('server_version'), current_setting('fsync'), "
                     + "current_setting('synchronous_commit'), current_setting('wal_sync_method')")) {
            rows.next();
            return "PostgreSQL " + rows.getString(1) + ", fsync " + rows.getString(2) + ", synchronous_commit "
                    + rows.getString(3) + ", wal_sync_method " + rows.getString(4);
        }
    }

    /** Pending outbox items (due or not). */
    synchronized long pending() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox WHERE state = 'pending'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every table's scans so far. PostgreSQL publishes a backend's counts up to a second after its transaction. */
    synchronized Map<String, TableScans> tableScans() throws SQLException {
        Map<String, TableScans> tables = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0), "
                     + "n_live_tup, n_dead_tup FROM pg_stat_user_tables")) {
            while (rows.next()) {
                tables.put(rows.getString(1), new TableScans(rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        rows.getLong(5), rows.getLong(6)));
            }
        }
        return tables;
    }

    /**
     * The tables read sequentially between two readings, most rows read first: "name: n seq scans
     * (r rows read), i index scans; live/dead rows at the end".
     */
    static String seqScansBetween(Map<String, TableScans> before, Map<String, TableScans> after) {
        String scanned = after.entrySet().stream()
                .filter(e -> e.getValue().seqScans() > before.getOrDefault(e.getKey(), new TableScans(0, 0, 0, 0, 0)).seqScans())
                .sorted((a, b) -> Long.compare(
                        b.getValue().seqRowsRead() - before.getOrDefault(b.getKey(), new TableScans(0, 0, 0, 0, 0)).seqRowsRead(),
                        a.getValue().seqRowsRead() - before.getOrDefault(a.getKey(), new TableScans(0, 0, 0, 0, 0)).seqRowsRead()))
                .map(e -> {
                    TableScans was = before.getOrDefault(e.getKey(), new TableScans(0, 0, 0, 0, 0));
                    TableScans now = e.getValue();
                    return String.format(Locale.ROOT, "%s %d seq scans (%d rows read), %d index scans, %d live / %d dead rows",
                            e.getKey(), now.seqScans() - was.seqScans(), now.seqRowsRead() - was.seqRowsRead(),
                            now.indexScans() - was.indexScans(), now.liveRows(), now.deadRows());
                })
                .collect(Collectors.joining("; "));
        return scanned.isEmpty() ? "none" : scanned;
    }

    /** Starts sampling, every {@code periodMillis}, what the other client backends that are running a statement wait for. */
    void startSampling(long periodMillis) {
        synchronized (waits) {
            waits.clear();
            samples = 0;
            activeSeen = 0;
        }
        Thread thread = new Thread(() -> {
            try (Connection own = connect(settings); Statement statement = own.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                    try (ResultSet rows = statement.executeQuery("SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU'), "
                            + "count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active' "
                            + "AND pid <> pg_backend_pid() AND application_name <> 'eventa-bench-monitor' GROUP BY 1")) {
                        synchronized (waits) {
                            samples++;
                            while (rows.next()) {
                                waits.merge(rows.getString(1), rows.getLong(2), Long::sum);
                                activeSeen += rows.getLong(2);
                            }
                        }
                    }
                    Thread.sleep(periodMillis);
                }
            } catch (InterruptedException stop) {
                // done
            } catch (SQLException e) {
                System.err.println("pg_stat_activity sampling stopped: " + e);
            }
        }, "pg-wait-sampler");
        thread.setDaemon(true);
        sampler = thread;
        thread.start();
    }

    /**
     * Stops sampling and answers "on average n backends running a statement; of their samples:
     * on CPU x %, IO:WALSync y %, …".
     */
    String stopSampling() throws InterruptedException {
        Thread thread = sampler;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
        synchronized (waits) {
            if (samples == 0) {
                return "no samples";
            }
            long total = Math.max(1, activeSeen);
            String by = waits.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(6)
                    .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100.0 * e.getValue() / total))
                    .collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "%.2f backends busy on average over %d samples (%s)",
                    activeSeen / (double) samples, samples, by);
        }
    }

    @Override
    public void close() throws SQLException {
        Thread thread = sampler;
        if (thread != null) {
            thread.interrupt();
        }
        connection.close();
    }
}
