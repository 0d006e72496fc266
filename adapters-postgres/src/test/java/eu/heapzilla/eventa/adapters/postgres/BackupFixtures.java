package eu.heapzilla.eventa.adapters.postgres;

import eu.heapzilla.eventa.ports.out.BlobStore.BlobId;
import eu.heapzilla.eventa.ports.out.BlobStore.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Data in every table of the schema, and each table's contents as a digest, for the backup tests:
 * a restored database must have every table exactly as the backed-up one had it.
 */
final class BackupFixtures {

    static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-0000000000b0");
    static final UUID WEDDING = UUID.fromString("00000000-0000-0000-0000-00000000000e");

    private BackupFixtures() {
    }

    /**
     * A row or more in every table: two users and a wedding with members, an invite, households,
     * guests, tasks, budget items, receipts whose bytes are blobs of {@code blobSizes} (random,
     * so they do not compress), change log, presence, outbox, push devices and windows,
     * notifications, sign-in secrets. Text with quotes, tabs, new lines and non-ASCII, NULLs,
     * JSON and microsecond timestamps included.
     */
    static void seedEveryTable(PostgresPersistence persistence, int... blobSizes) throws SQLException, IOException {
        List<StoredBlob> blobs = new ArrayList<>();
        Random random = new Random(42);
        for (int size : blobSizes) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            blobs.add(persistence.blobStore().put(new BlobId(UUID.randomUUID()), new ByteArrayInputStream(bytes)));
        }
        try (Connection c = persistence.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users VALUES ('%s', 'ann@example.org', 'Ann «O''Neil»', '2026-01-02 03:04:05.123456+00', "
                    .formatted(ANN) + "now()), ('%s', 'bob@example.org', 'Bob\tTab', now(), NULL)".formatted(BOB));
            s.execute("INSERT INTO magic_links VALUES (sha256('ml'), 'carl@example.org', now(), now() + interval '15 min', "
                    + "NULL, '192.0.2.1')");
            s.execute("INSERT INTO bearer_tokens VALUES (sha256('bearer'), '%s', now(), now(), NULL, 'Pixel 9')".formatted(ANN));
            s.execute(("INSERT INTO events VALUES ('%s', 'Jane & Joe''s wedding', '2026-09-12', 'Europe/Vienna', 'EUR', "
                    + "'Schloss\nHof', E'notes with a \\\\ backslash', 2500000, 4, 3, now(), '%s', now(), '%s')")
                    .formatted(WEDDING, ANN, ANN));
            s.execute(("INSERT INTO event_memberships VALUES ('%1$s', '%2$s', 'owner', now(), 1), "
                    + "('%1$s', '%3$s', 'editor', now(), 2)").formatted(WEDDING, ANN, BOB));
            s.execute(("INSERT INTO event_invites VALUES (gen_random_uuid(), '%s', sha256('invite'), 'dora@example.org', "
                    + "'viewer', '%s', now(), now() + interval '7 days', NULL, NULL, NULL, 1)").formatted(WEDDING, ANN));
            for (int seq = 1; seq <= 3; seq++) {
                s.execute(("INSERT INTO change_log VALUES ('%s', %d, 'task', 'task-%d', 'created', 1, '%s', now(), "
                        + (seq == 2 ? "gen_random_uuid()" : "NULL") + ")").formatted(WEDDING, seq, seq, ANN));
            }
            UUID household = UUID.randomUUID();
            s.execute(("INSERT INTO households VALUES ('%s', '%s', 'The Müllers', 'Hauptstraße 1', NULL, 1, now(), '%s', "
                    + "now(), '%s')").formatted(household, WEDDING, ANN, ANN));
            s.execute(("INSERT INTO guests VALUES (gen_random_uuid(), '%s', '%s', 'Grete Müller', 'grete@example.org', "
                    + "'+43 1 234', 'yes', 'fish', 'no nuts', true, 'Hans', false, NULL, 1, now(), '%s', now(), '%s')")
                    .formatted(WEDDING, household, ANN, ANN));
            s.execute(("INSERT INTO tasks VALUES (gen_random_uuid(), '%1$s', 'Book the florist', NULL, '2026-05-01', '%2$s', "
                    + "now(), '%2$s', 2, now(), '%3$s', now(), '%2$s')").formatted(WEDDING, BOB, ANN));
            UUID item = UUID.randomUUID();
            s.execute(("INSERT INTO budget_items VALUES ('%s', '%s', 'Flowers', 'Roses', 'Blumen Huber', 120000, NULL, "
                    + "50000, '2026-06-01', NULL, 1, now(), '%s', now(), '%s')").formatted(item, WEDDING, ANN, ANN));
            for (StoredBlob blob : blobs) {
                s.execute(("INSERT INTO receipts VALUES ('%s', '%s', '%s', 'receipt.pdf', 'application/pdf', %d, '%s', now(), "
                        + "'%s')").formatted(blob.id().value(), WEDDING, item, blob.sizeBytes(), blob.sha256(), ANN));
            }
            UUID instance = UUID.randomUUID();
            s.execute("INSERT INTO server_instances VALUES ('%s', now())".formatted(instance));
            s.execute("INSERT INTO presence_connections VALUES (gen_random_uuid(), '%s', '%s', '%s', now())"
                    .formatted(WEDDING, instance, BOB));
            s.execute("INSERT INTO presence_last_seen VALUES ('%s', '%s', now())".formatted(WEDDING, ANN));
            s.execute("INSERT INTO outbox (kind, payload, secret, state, attempts, due_at, created_at, finished_at, note) "
                    + "VALUES ('mail', '{\"to\": \"carl@example.org\", \"n\": [1, 2.5, null]}', "
                    + "'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ', 'pending', 0, now(), now(), NULL, NULL), "
                    + "('push', '{\"kind\": \"change\"}', NULL, 'delivered', 1, now(), now(), now(), 'sent'), "
                    + "('fan_out', '{}', NULL, 'dead', 5, now(), now(), now(), 'gave up')");
            s.execute(("INSERT INTO push_devices VALUES (sha256(convert_to('token-1', 'UTF8')), 'token-1', '%s', 'android', "
                    + "sha256('bearer'), now())").formatted(ANN));
            s.execute("INSERT INTO push_windows VALUES ('%s', '%s', now())".formatted(BOB, WEDDING));
            s.execute(("INSERT INTO notifications VALUES (gen_random_uuid(), '%s', '%s', 'task_done', '%s', 'task', 'x', 3, "
                    + "'Book the florist', '', now(), NULL)").formatted(BOB, WEDDING, ANN));
        }
    }

    /** Each table's row count and the MD5 of its rows as text in a stable order; Flyway's history without its timings. */
    static Map<String, String> contents(DatabaseSettings settings) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            for (String table : tables(s)) {
                String rows = table.equals(Migrations.HISTORY_TABLE)
                        ? "(SELECT installed_rank, version, description, type, script, checksum, success FROM " + table + ")"
                        : table;
                try (ResultSet r = s.executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' "
                        + "ORDER BY t::text), '')) FROM " + rows + " t")) {
                    r.next();
                    contents.put(table, r.getString(1));
                }
            }
        }
        return contents;
    }

    /** The tables of the schema that hold no row. */
    static List<String> emptyTables(DatabaseSettings settings) throws SQLException {
        return contents(settings).entrySet().stream().filter(e -> e.getValue().startsWith("0 ")).map(Map.Entry::getKey).toList();
    }

    static List<String> tables(DatabaseSettings settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            return tables(s);
        }
    }

    static long queryLong(DatabaseSettings settings, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> tables(Statement s) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }
}
