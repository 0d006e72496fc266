package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void closingWaitsUntilThePostgresProcessHasExited() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
        ProcessHandle postmaster = server.postmaster().orElseThrow();
        assertTrue(postmaster.isAlive());
        server.close();
        assertFalse(postmaster.isAlive());
    }

    @Test
    void isDurableAndListensOnLoopbackOnly() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
             PostgresPersistence persistence = new PostgresPersistence(server.settings(1));
             Connection connection = persistence.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertEquals("on", show(statement, "fsync"));
            assertEquals("on", show(statement, "synchronous_commit"));
            assertEquals("on", show(statement, "full_page_writes"));
            assertEquals("localhost", show(statement, "listen_addresses"));
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void refusesADataDirectoryAnotherServerIsUsing() {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir.resolve("postgres"))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> EmbeddedPostgresServer.start(dataDir.resolve("postgres")));
            assertTrue(refused.getMessage().contains("another eventa process is using"), refused.getMessage());
            assertTrue(first.postmaster().orElseThrow().isAlive(), "the running server is left alone");
        }
    }

    @Test
    void aToolAttachesToTheRunningServerAndLeavesItRunning() {
        User jane = User.register(UserId.random(), Email.of("jane@example.org"), Instant.parse("2026-06-01T09:00:00Z"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
             PostgresPersistence persistence = new PostgresPersistence(server.settings(2))) {
            persistence.migrate();
            persistence.users().addOrGet(jane);
            try (EmbeddedPostgresServer tool = EmbeddedPostgresServer.attachOrStart(dataDir.resolve("postgres"));
                 PostgresPersistence toolPersistence = new PostgresPersistence(tool.settings(1))) {
                assertFalse(tool.ownsServer());
                assertEquals(jane, toolPersistence.users().byId(jane.id()).orElseThrow());
            }
            assertTrue(server.postmaster().orElseThrow().isAlive(), "the tool left the server running");
            assertEquals(jane, persistence.users().byId(jane.id()).orElseThrow());
        }
    }

    @Test
    void aToolStartsItsOwnServerWhenNoneRuns() {
        try (EmbeddedPostgresServer tool = EmbeddedPostgresServer.attachOrStart(dataDir.resolve("postgres"))) {
            assertTrue(tool.ownsServer());
            assertTrue(tool.postmaster().orElseThrow().isAlive());
        }
    }

    @Test
    void keepsItsDataAcrossRestarts() {
        User jane = User.register(UserId.random(), Email.of("jane@example.org"), Instant.parse("2026-06-01T09:00:00Z"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
             PostgresPersistence persistence = new PostgresPersistence(server.settings(2))) {
            persistence.migrate();
            persistence.users().addOrGet(jane);
        }
        assertTrue(Files.exists(dataDir.resolve("postgres/PG_VERSION")));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
             PostgresPersistence persistence = new PostgresPersistence(server.settings(2))) {
            assertEquals(0, persistence.migrate().migrationsExecuted);
            assertEquals(jane, persistence.users().byId(jane.id()).orElseThrow());
        }
    }
}
