package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private PostgresPersistence persistence;

    @BeforeEach
    void database() {
        persistence = new PostgresPersistence(TestDatabase.fresh());
    }

    @AfterEach
    void close() {
        persistence.close();
    }

    @Test
    void migratesAnEmptyDatabaseOnceAndThenHasNothingToDo() {
        assertEquals(migrationFiles(), persistence.migrate().migrationsExecuted);
        assertEquals(0, persistence.migrate().migrationsExecuted);
    }

    private static int migrationFiles() {
        try (var files = Files.list(Path.of(MigrationsTest.class.getResource("/db/migration").toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSchemaRefusesAnUnnormalisedOrDuplicateEmailWhoeverWrites() throws SQLException {
        persistence.migrate();
        try (Connection c = persistence.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, email, display_name, created_at) "
                    + "VALUES (gen_random_uuid(), 'ann@example.org', 'Ann', now())");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO users (id, email, display_name, created_at) "
                    + "VALUES (gen_random_uuid(), 'Bob@example.org', 'Bob', now())"));
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO users (id, email, display_name, created_at) "
                    + "VALUES (gen_random_uuid(), 'ann@example.org', 'Ann again', now())"));
        }
    }

    @Test
    void theEventTablesRefuseWhatTheDomainRefusesWhoeverWrites() throws SQLException {
        persistence.migrate();
        try (Connection c = persistence.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (id, email, display_name, created_at) "
                    + "VALUES ('00000000-0000-0000-0000-000000000001', 'ann@example.org', 'Ann', now())");
            String event = "INSERT INTO events (id, title, timezone, currency, version, created_at, created_by, updated_at, "
                    + "updated_by) VALUES (gen_random_uuid(), %s, 'UTC', %s, 1, now(), "
                    + "'00000000-0000-0000-0000-000000000001', now(), '00000000-0000-0000-0000-000000000001')";
            s.execute(event.formatted("'Wedding'", "'EUR'"));
            assertThrows(SQLException.class, () -> s.execute(event.formatted("''", "'EUR'")));
            assertThrows(SQLException.class, () -> s.execute(event.formatted("repeat('x', 201)", "'EUR'")));
            assertThrows(SQLException.class, () -> s.execute(event.formatted("'Wedding'", "'eur'")));

            s.execute("INSERT INTO events (id, title, timezone, currency, version, created_at, created_by, updated_at, "
                    + "updated_by) VALUES ('00000000-0000-0000-0000-00000000000e', 'Wedding', 'UTC', 'EUR', 1, now(), "
                    + "'00000000-0000-0000-0000-000000000001', now(), '00000000-0000-0000-0000-000000000001')");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO event_memberships VALUES "
                    + "('00000000-0000-0000-0000-00000000000e', '00000000-0000-0000-0000-000000000001', 'OWNER', now(), 1)"));
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO change_log VALUES "
                    + "('00000000-0000-0000-0000-00000000000e', 1, 'Task', 'x', 'created', 1, "
                    + "'00000000-0000-0000-0000-000000000001', now())"));
            s.execute("INSERT INTO change_log VALUES ('00000000-0000-0000-0000-00000000000e', 1, 'budget_item', 'x', "
                    + "'created', 1, '00000000-0000-0000-0000-000000000001', now())");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO event_invites (id, event_id, token_hash, email, "
                    + "role, invited_by, created_at, expires_at, accepted_at, version) VALUES (gen_random_uuid(), "
                    + "'00000000-0000-0000-0000-00000000000e', sha256('t'), 'bob@example.org', 'editor', "
                    + "'00000000-0000-0000-0000-000000000001', now(), now() + interval '1 day', now(), 1)"));
        }
    }
}
