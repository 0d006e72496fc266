package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notification tables (V6) keep their invariants whoever writes: each test stores a row
 * the schema accepts, then variations of it that it must refuse.
 */
class NotificationsSchemaTest {

    private static final String USER = "'00000000-0000-0000-0000-000000000001'";
    private static final String EVENT = "'00000000-0000-0000-0000-00000000000e'";
    private static final String BEARER = "sha256('bearer')";
    private static final String SECRET = "'" + "A".repeat(43) + "'";

    private static PostgresPersistence persistence;

    @BeforeAll
    static void database() throws SQLException {
        persistence = TestDatabase.freshPersistence();
        execute("INSERT INTO users (id, email, display_name, created_at) VALUES (" + USER + ", 'ann@example.org', 'Ann', now())");
        execute("INSERT INTO events (id, title, timezone, currency, version, created_at, created_by, updated_at, "
                + "updated_by) VALUES (" + EVENT + ", 'Wedding', 'UTC', 'EUR', 1, now(), " + USER + ", now(), " + USER + ")");
        execute("INSERT INTO bearer_tokens (token_hash, user_id, created_at, last_used_at) VALUES (" + BEARER + ", "
                + USER + ", now(), now())");
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = persistence.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void refused(String sql) {
        assertThrows(SQLException.class, () -> execute(sql), sql);
    }

    private static String outbox(String kind, String secret, String state, String finishedAt, String note) {
        return "INSERT INTO outbox (kind, payload, secret, state, attempts, due_at, created_at, finished_at, note) VALUES ("
                + kind + ", '{}', " + secret + ", " + state + ", 0, now(), now(), " + finishedAt + ", " + note + ")";
    }

    private static String device(String token, String hash, String platform) {
        return "INSERT INTO push_devices (token_sha256, token, user_id, platform, bearer_hash, registered_at) VALUES ("
                + hash + ", " + token + ", " + USER + ", " + platform + ", " + BEARER + ", now())";
    }

    private static String notification(String kind, String entityType) {
        return "INSERT INTO notifications (id, recipient_id, event_id, kind, actor_id, entity_type, entity_id, seq, "
                + "subject, detail, created_at) VALUES (gen_random_uuid(), " + USER + ", " + EVENT + ", " + kind
                + ", gen_random_uuid(), " + entityType + ", 'x', 1, 'Book the florist', '', now())";
    }

    @Test
    void anOutboxRowHoldsASecretOnlyWhileItIsAPendingMail() throws SQLException {
        execute(outbox("'mail'", SECRET, "'pending'", "NULL", "NULL"));
        execute(outbox("'mail'", "NULL", "'dead'", "now()", "'refused'"));
        execute(outbox("'push'", "NULL", "'pending'", "NULL", "NULL"));

        refused(outbox("'mail'", "NULL", "'pending'", "NULL", "NULL"));
        refused(outbox("'mail'", SECRET, "'delivered'", "now()", "NULL"));
        refused(outbox("'push'", SECRET, "'pending'", "NULL", "NULL"));
        refused(outbox("'mail'", "'not a token'", "'pending'", "NULL", "NULL"));
    }

    @Test
    void anOutboxRowIsFinishedExactlyWhenItIsNoLongerPending() throws SQLException {
        execute(outbox("'fan_out'", "NULL", "'dropped'", "now()", "repeat('x', 500)"));

        refused(outbox("'fan_out'", "NULL", "'dropped'", "NULL", "NULL"));
        refused(outbox("'fan_out'", "NULL", "'pending'", "now()", "NULL"));
        refused(outbox("'fan_out'", "NULL", "'sent'", "now()", "NULL"));
        refused(outbox("'sms'", "NULL", "'pending'", "NULL", "NULL"));
        refused(outbox("'fan_out'", "NULL", "'dead'", "now()", "repeat('x', 501)"));
    }

    @Test
    void aPushDeviceIsKeyedByItsTokensHash() throws SQLException {
        execute(device("'tok-1'", "sha256('tok-1')", "'android'"));

        refused(device("'tok-1'", "sha256('tok-1')", "'ios'"));
        refused(device("'tok-2'", "sha256('tok-3')", "'ios'"));
        refused(device("'tok 4'", "sha256('tok 4')", "'ios'"));
        refused(device("'tok-5'", "sha256('tok-5')", "'Android'"));
    }

    @Test
    void aNotificationIsOfAKnownKind() throws SQLException {
        execute(notification("'task_done'", "'task'"));

        refused(notification("'TASK_DONE'", "'task'"));
        refused(notification("'liked'", "'task'"));
        refused(notification("'task_done'", "'Task'"));
    }
}
