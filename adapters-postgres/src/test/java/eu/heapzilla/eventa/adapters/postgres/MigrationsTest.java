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
}
