package eu.heapzilla.eventa.adapters.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases for tests: one PostgreSQL server per JVM (embedded, or the one named by
 * {@code EVENTA_TEST_DATABASE_URL}), and a fresh, empty database on it for each caller.
 */
public final class TestDatabase {

    private static final String EXTERNAL_URL = System.getenv("EVENTA_TEST_DATABASE_URL");
    private static DatabaseSettings admin;

    private TestDatabase() {
    }

    /** A new empty database, not yet migrated. */
    public static DatabaseSettings fresh() {
        DatabaseSettings server = server();
        String name = "eventa_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        String url = server.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + name);
        return new DatabaseSettings(url, server.user(), server.password(), 4);
    }

    /** A fresh database with the schema applied, behind an open {@link PostgresPersistence}. */
    public static PostgresPersistence freshPersistence() {
        PostgresPersistence persistence = new PostgresPersistence(fresh());
        persistence.migrate();
        return persistence;
    }

    private static synchronized DatabaseSettings server() {
        if (admin == null) {
            admin = EXTERNAL_URL != null && !EXTERNAL_URL.isBlank()
                    ? DatabaseSettings.fromUrl(EXTERNAL_URL, 2)
                    : startEmbedded();
        }
        return admin;
    }

    private static DatabaseSettings startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the embedding library cleans up its own directory
                }
            }, "test-postgres-shutdown"));
            return new DatabaseSettings(postgres.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*$", ""),
                    "postgres", null, 2);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded test PostgreSQL", e);
        }
    }
}
