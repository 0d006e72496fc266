package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as an operator would run it. */
class ServerJarIT {

    private static final Duration READY_LIMIT = Duration.ofSeconds(90);
    private static final Pattern EMBEDDED_PORT = Pattern.compile("embedded PostgreSQL 16 on 127\\.0\\.0\\.1:(\\d+)");
    private static final String TOKEN = "s3cretT0ken_abcdefghijklmnopqrstuvwxyz012345";

    @TempDir
    Path workDir;

    @Test
    void startsOnAnEmbeddedDatabaseStopsCleanlyAndFindsItsDataOnTheNextStart() throws Exception {
        String userId = "5f0d8f0e-7a43-4c61-9f3e-7d1f0a1b2c3d";
        long postmasterPid;
        try (JarProcess first = JarProcess.start(workDir, Map.of())) {
            Duration ready = first.awaitReady(READY_LIMIT);
            System.out.printf("eventa-server.jar: /ready 200 %d ms after launch (fresh data directory)%n", ready.toMillis());
            assertEquals(200, first.get("/health").statusCode());
            HttpResponse<String> missing = first.get("/api/v1/nothing-here");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().startsWith("{\"detail\":"), missing.body());
            assertTrue(first.output().contains("push: no push credentials"), "start-up says pushes are only logged: "
                    + first.output());
            // What the jar must carry beside classes: the API document, the docs page's files, the metrics.
            assertTrue(first.get("/openapi.json").body().contains("\"openapi\":\"3.1.0\""));
            assertEquals(200, first.get("/docs").statusCode());
            assertEquals(200, first.get("/docs/swagger-ui-bundle.js").statusCode());
            assertTrue(first.get("/metrics").body().contains("eventa_http_requests_seconds_count"));

            Path dataDir = workDir.resolve("eventa-data/postgres");
            assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "embedded data lives in ./eventa-data/postgres");
            postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            try (Connection db = embeddedDatabase(first.output()); Statement statement = db.createStatement()) {
                statement.execute("INSERT INTO users (id, email, display_name, created_at) VALUES ('" + userId
                        + "', 'kept@example.org', 'Kept', now())");
            }

            int status = first.stop();
            assertTrue(status == 0 || status == 143, "exit status " + status);
            assertFalse(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false),
                    "the embedded PostgreSQL must be stopped with the server");
            assertTrue(first.output().contains("embedded PostgreSQL stopped"), first.output());
        }

        try (JarProcess second = JarProcess.start(workDir, Map.of())) {
            Duration ready = second.awaitReady(READY_LIMIT);
            System.out.printf("eventa-server.jar: /ready 200 %d ms after launch (existing data directory)%n", ready.toMillis());
            try (Connection db = embeddedDatabase(second.output()); Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT email FROM users WHERE id = '" + userId + "'")) {
                assertTrue(rows.next(), "the first run's data is still there");
                assertEquals("kept@example.org", rows.getString(1));
            }
            assertTrue(second.output().contains("(existing data)"), second.output());
            second.stop();
        }
    }

    @Test
    void recoversAfterACrashLeftTheEmbeddedPostgresRunning() throws Exception {
        ProcessHandle orphan;
        try (JarProcess crashed = JarProcess.start(workDir, Map.of())) {
            crashed.awaitReady(READY_LIMIT);
            orphan = postmaster();
            crashed.kill();
        }
        assertTrue(orphan.isAlive(), "precondition: a killed server leaves its PostgreSQL behind");

        try (JarProcess next = JarProcess.start(workDir, Map.of())) {
            next.awaitReady(READY_LIMIT);
            assertFalse(orphan.isAlive(), "the leftover PostgreSQL was stopped");
            assertTrue(next.output().contains("was not shut down cleanly"), next.output());
            ProcessHandle current = postmaster();
            next.stop();
            assertFalse(current.isAlive());
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectoryAndLeavesTheFirstServing() throws Exception {
        try (JarProcess first = JarProcess.start(workDir, Map.of())) {
            first.awaitReady(READY_LIMIT);
            try (JarProcess second = JarProcess.start(workDir, Map.of())) {
                assertEquals(1, second.awaitExit());
                assertTrue(second.output().contains("another eventa process is using"), second.output());
            }
            assertEquals(200, first.get("/ready").statusCode());
            first.stop();
        }
    }

    @Test
    void operatorVerbsUseTheEmbeddedDatabaseTheRunningServerHasOpen() throws Exception {
        try (JarProcess server = JarProcess.start(workDir, Map.of())) {
            server.awaitReady(READY_LIMIT);
            try (JarProcess addOwner = JarProcess.start(workDir, Map.of(), "add-owner", "--email", "jane@example.org")) {
                assertEquals(0, addOwner.awaitExit(), addOwner.output());
                assertTrue(addOwner.output().contains("/verify?token="), addOwner.output());
                assertTrue(addOwner.output().contains("using the embedded PostgreSQL that another eventa process runs"),
                        addOwner.output());
            }
            Path backup = workDir.resolve("while-serving.backup");
            try (JarProcess backupVerb = JarProcess.start(workDir, Map.of(), "backup", "--out", backup.toString())) {
                assertEquals(0, backupVerb.awaitExit(), backupVerb.output());
            }
            assertTrue(Files.size(backup) > 0);
            assertEquals(200, server.get("/ready").statusCode(), "the server kept its database");
            server.stop();
        }
    }

    private ProcessHandle postmaster() throws IOException {
        Path pidFile = workDir.resolve("eventa-data/postgres/postmaster.pid");
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).orElseThrow();
    }

    @Test
    void usesTheExternalDatabaseNamedByTheUrlAndNoEmbeddedOne() throws Exception {
        DatabaseSettings database = TestDatabase.fresh();
        try (JarProcess server = JarProcess.start(workDir, Map.of("EVENTA_DATABASE_URL", libpqUrl(database)))) {
            server.awaitReady(READY_LIMIT);
            assertFalse(Files.exists(workDir.resolve("eventa-data/postgres")));
            assertEquals(migrationsInTheSource(), count(database, "SELECT count(*) FROM flyway_schema_history WHERE success"));
            assertEquals(0, count(database, "SELECT count(*) FROM users"));
            server.stop();
        }
    }

    @Test
    void migrateAppliesTheSchemaAndExits() throws Exception {
        DatabaseSettings database = TestDatabase.fresh();
        try (JarProcess migrate = JarProcess.start(workDir, Map.of("EVENTA_DATABASE_URL", libpqUrl(database)), "migrate")) {
            assertEquals(0, migrate.awaitExit(), migrate.output());
        }
        assertEquals(migrationsInTheSource(), count(database, "SELECT count(*) FROM flyway_schema_history WHERE success"));
    }

    /** Every migration file the jar was built with. */
    private static long migrationsInTheSource() throws IOException {
        try (var files = Files.list(Path.of("../adapters-postgres/src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    @Test
    void jsonLogsAreOneObjectPerLineAndCarryNoToken() throws Exception {
        DatabaseSettings database = TestDatabase.fresh();
        try (JarProcess server = JarProcess.start(workDir,
                Map.of("EVENTA_DATABASE_URL", libpqUrl(database), "EVENTA_LOG_FORMAT", "json"))) {
            server.awaitReady(READY_LIMIT);
            server.get("/ready?token=" + TOKEN);
            server.get("/api/v1/invites/" + TOKEN + "/accept");
            server.stop();
            List<String> lines = server.output().lines().filter(line -> !line.isBlank()).toList();
            assertFalse(lines.isEmpty());
            for (String line : lines) {
                assertTrue(line.startsWith("{\"@timestamp\":") && line.endsWith("}"), "not a JSON log line: " + line);
            }
            assertTrue(lines.stream().anyMatch(line -> line.contains("\"request_id\":") && line.contains("\"route\":\"/ready\"")),
                    server.output());
            assertFalse(server.output().contains(TOKEN), server.output());
        }
    }

    @Test
    void halfAPushConfigurationIsRefusedNamingWhatIsMissing() throws Exception {
        try (JarProcess server = JarProcess.start(workDir, Map.of("EVENTA_FCM_PROJECT_ID", "jane-2027"))) {
            assertEquals(2, server.awaitExit());
            assertTrue(server.output().strip().startsWith(
                    "eventa: configuration error: GOOGLE_APPLICATION_CREDENTIALS must be set when EVENTA_FCM_PROJECT_ID is"),
                    server.output());
        }
    }

    @Test
    void aConfigurationMistakeIsReportedPlainlyWithoutStartingAnything() throws Exception {
        try (JarProcess server = JarProcess.start(workDir, Map.of("EVENTA_LOG_FORMAT", "xml"))) {
            assertEquals(2, server.awaitExit());
            assertEquals("eventa: configuration error: EVENTA_LOG_FORMAT must be one of text|json, not 'xml'",
                    server.output().strip());
            assertFalse(Files.exists(workDir.resolve("eventa-data")));
        }
    }

    private static Connection embeddedDatabase(String log) throws SQLException {
        Matcher port = EMBEDDED_PORT.matcher(log);
        assertTrue(port.find(), log);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port.group(1) + "/postgres", "postgres", null);
    }

    /** The form an operator writes: postgresql://user@host:port/database. */
    private static String libpqUrl(DatabaseSettings database) {
        return database.jdbcUrl().replace("jdbc:postgresql://", "postgresql://" + database.user() + "@");
    }

    private static long count(DatabaseSettings database, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
