package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planning tables (V4) refuse what the domain refuses, whoever writes: each test stores a
 * row the schema accepts, then variations of it that it must refuse.
 */
class PlanningSchemaTest {

    private static final String USER = "'00000000-0000-0000-0000-000000000001'";
    private static final String EVENT = "'00000000-0000-0000-0000-00000000000e'";
    private static final String OTHER_EVENT = "'00000000-0000-0000-0000-00000000000f'";
    private static final String HOUSEHOLD = "'00000000-0000-0000-0000-0000000000a1'";
    private static final String OTHER_HOUSEHOLD = "'00000000-0000-0000-0000-0000000000a2'";
    private static final String ITEM = "'00000000-0000-0000-0000-0000000000b1'";

    private static PostgresPersistence persistence;

    @BeforeAll
    static void database() throws SQLException {
        persistence = TestDatabase.freshPersistence();
        execute("INSERT INTO users (id, email, display_name, created_at) VALUES (" + USER + ", 'ann@example.org', 'Ann', now())");
        for (String event : new String[] {EVENT, OTHER_EVENT}) {
            execute("INSERT INTO events (id, title, timezone, currency, version, created_at, created_by, updated_at, "
                    + "updated_by) VALUES (" + event + ", 'Wedding', 'UTC', 'EUR', 1, now(), " + USER + ", now(), " + USER + ")");
        }
        execute("INSERT INTO event_memberships VALUES (" + EVENT + ", " + USER + ", 'owner', now(), 1)");
        execute(household(HOUSEHOLD, EVENT, "'The Müllers'"));
        execute(household(OTHER_HOUSEHOLD, OTHER_EVENT, "'The Smiths'"));
        execute(budgetItem(ITEM, "0", "NULL"));
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

    private static String revision() {
        return "1, now(), " + USER + ", now(), " + USER;
    }

    private static String household(String id, String event, String name) {
        return "INSERT INTO households (id, event_id, name, version, created_at, created_by, updated_at, updated_by) "
                + "VALUES (" + id + ", " + event + ", " + name + ", " + revision() + ")";
    }

    private static String guest(String household, String rsvp, String email, String phone, String plusOne,
                                String plusOneName) {
        return "INSERT INTO guests (id, event_id, household_id, name, email, phone, rsvp, plus_one, plus_one_name, child, "
                + "version, created_at, created_by, updated_at, updated_by) VALUES (gen_random_uuid(), " + EVENT + ", "
                + household + ", 'Anna', " + email + ", " + phone + ", " + rsvp + ", " + plusOne + ", " + plusOneName
                + ", false, " + revision() + ")";
    }

    private static String task(String dueOn, String assignee, String doneAt, String doneBy) {
        return "INSERT INTO tasks (id, event_id, title, due_on, assignee_id, done_at, done_by, version, created_at, "
                + "created_by, updated_at, updated_by) VALUES (gen_random_uuid(), " + EVENT + ", 'Book the florist', "
                + dueOn + ", " + assignee + ", " + doneAt + ", " + doneBy + ", " + revision() + ")";
    }

    private static String budgetItem(String id, String estimated, String actual) {
        return "INSERT INTO budget_items (id, event_id, category, title, estimated_cents, actual_cents, paid_cents, "
                + "version, created_at, created_by, updated_at, updated_by) VALUES (" + id + ", " + EVENT
                + ", 'Venue', 'Castle', " + estimated + ", " + actual + ", 0, " + revision() + ")";
    }

    private static String receipt(String event, String mediaType, String size, String sha256) {
        return "INSERT INTO receipts VALUES (gen_random_uuid(), " + event + ", " + ITEM + ", 'bill.pdf', " + mediaType
                + ", " + size + ", " + sha256 + ", now(), " + USER + ")";
    }

    @Test
    void householdsNeedANameOfAtMostTwoHundredCharacters() throws SQLException {
        execute(household("gen_random_uuid()", EVENT, "repeat('ä', 200)"));
        refused(household("gen_random_uuid()", EVENT, "''"));
        refused(household("gen_random_uuid()", EVENT, "repeat('ä', 201)"));
        refused(household("gen_random_uuid()", "gen_random_uuid()", "'Of no event'"));
    }

    @Test
    void guestsBelongToAHouseholdOfTheirEventAndHoldOnlyValidAnswers() throws SQLException {
        execute(guest(HOUSEHOLD, "'maybe'", "'anna@example.org'", "'+43 1 234'", "true", "'Zoë'"));
        refused(guest(OTHER_HOUSEHOLD, "'maybe'", "NULL", "NULL", "false", "NULL"));
        refused(guest("gen_random_uuid()", "'maybe'", "NULL", "NULL", "false", "NULL"));
        refused(guest(HOUSEHOLD, "'YES'", "NULL", "NULL", "false", "NULL"));
        refused(guest(HOUSEHOLD, "'yes'", "'Anna@example.org'", "NULL", "false", "NULL"));
        refused(guest(HOUSEHOLD, "'yes'", "NULL", "'call me'", "false", "NULL"));
        refused(guest(HOUSEHOLD, "'yes'", "NULL", "NULL", "false", "'Zoë'"));
        refused("DELETE FROM households WHERE id = " + HOUSEHOLD);
    }

    @Test
    void tasksAreAssignedToMembersAndDoneByAndAtTogether() throws SQLException {
        execute(task("'2999-12-31'", USER, "now()", USER));
        refused(task("'3000-01-01'", "NULL", "NULL", "NULL"));
        refused(task("'1899-12-31'", "NULL", "NULL", "NULL"));
        refused(task("NULL", "gen_random_uuid()", "NULL", "NULL"));
        refused(task("NULL", "NULL", "now()", "NULL"));
        refused(task("NULL", "NULL", "NULL", USER));
        refused("DELETE FROM event_memberships WHERE event_id = " + EVENT + " AND user_id = " + USER);
    }

    @Test
    void budgetAmountsAreWholeMinorUnitsFromZeroToTenToTheTwelfth() throws SQLException {
        execute(budgetItem("gen_random_uuid()", "1000000000000", "0"));
        refused(budgetItem("gen_random_uuid()", "-1", "NULL"));
        refused(budgetItem("gen_random_uuid()", "1000000000001", "NULL"));
        refused(budgetItem("gen_random_uuid()", "0", "1000000000001"));
        try (Connection c = persistence.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT data_type FROM information_schema.columns "
                     + "WHERE table_name = 'budget_items' AND column_name LIKE '%\\_cents' ORDER BY column_name")) {
            for (int i = 0; i < 3; i++) {
                r.next();
                assertEquals("bigint", r.getString(1));
            }
        }
    }

    @Test
    void receiptsBelongToAnItemOfTheirEventAndDescribeTheirBytes() throws SQLException {
        String sha = "'" + "0123456789abcdef".repeat(4) + "'";
        execute(receipt(EVENT, "'application/pdf'", "1", sha));
        refused(receipt(OTHER_EVENT, "'application/pdf'", "1", sha));
        refused(receipt(EVENT, "'image/gif'", "1", sha));
        refused(receipt(EVENT, "'application/pdf'", "0", sha));
        refused(receipt(EVENT, "'application/pdf'", "1", sha.toUpperCase(java.util.Locale.ROOT)));
        refused(receipt(EVENT, "'application/pdf'", "1", "'abc'"));
    }

    @Test
    void blobsHaveAHexDigestAndNonEmptyNumberedChunks() throws SQLException {
        execute("INSERT INTO blobs (id, size_bytes, sha256) VALUES ('00000000-0000-0000-0000-0000000000c1', 1, '"
                + "0".repeat(64) + "')");
        execute("INSERT INTO blob_chunks VALUES ('00000000-0000-0000-0000-0000000000c1', 0, '\\x00')");
        refused("INSERT INTO blobs (id, sha256) VALUES (gen_random_uuid(), 'not hex')");
        refused("INSERT INTO blobs (id, size_bytes) VALUES (gen_random_uuid(), -1)");
        refused("INSERT INTO blob_chunks VALUES ('00000000-0000-0000-0000-0000000000c1', 1, '')");
        refused("INSERT INTO blob_chunks VALUES ('00000000-0000-0000-0000-0000000000c1', -1, '\\x00')");
        refused("INSERT INTO blob_chunks VALUES (gen_random_uuid(), 0, '\\x00')");
    }
}
