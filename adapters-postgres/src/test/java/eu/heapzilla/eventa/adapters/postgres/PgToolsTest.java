package eu.heapzilla.eventa.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How PostgreSQL's programs are found, judged by version, and told where the database is. */
class PgToolsTest {

    @Test
    void readsTheMajorVersionOfWhatTheProgramsPrint() {
        assertEquals(OptionalInt.of(16), PgTools.parseMajorVersion("pg_dump (PostgreSQL) 16.4\n"));
        assertEquals(OptionalInt.of(15), PgTools.parseMajorVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"));
        assertEquals(OptionalInt.of(9), PgTools.parseMajorVersion("pg_restore (PostgreSQL) 9.6.24"));
        assertEquals(OptionalInt.of(17), PgTools.parseMajorVersion("pg_dump (PostgreSQL) 17beta2"));
        assertEquals(OptionalInt.empty(), PgTools.parseMajorVersion("bash: pg_dump: command not found"));
    }

    @Test
    void aProgramThatIsNotThereHasNoVersion() {
        assertEquals(OptionalInt.empty(), PgTools.majorVersion("eventa-no-such-pg_dump"));
    }

    @Test
    void theConnectionAndItsPasswordGoInTheEnvironmentNeverOnTheCommandLine() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.example.org:6543/eventa?sslmode=verify-full",
                "eventa", "pa55 word!", 4);

        Map<String, String> environment = PgTools.environment(settings).orElseThrow();
        ProcessBuilder command = PgTools.command("pg_dump", List.of("--format=custom", "--file=out"), environment);

        assertEquals("db.example.org", environment.get("PGHOST"));
        assertEquals("6543", environment.get("PGPORT"));
        assertEquals("eventa", environment.get("PGDATABASE"));
        assertEquals("eventa", environment.get("PGUSER"));
        assertEquals("pa55 word!", environment.get("PGPASSWORD"));
        assertEquals("verify-full", environment.get("PGSSLMODE"));
        assertEquals(List.of("pg_dump", "--format=custom", "--file=out"), command.command());
        assertEquals("pa55 word!", command.environment().get("PGPASSWORD"));
        command.environment().forEach((name, value) -> assertTrue(!name.startsWith("PG") || environment.containsKey(name),
                name + " comes from eventa's settings, not from whoever started it"));
    }

    @Test
    void theDefaultsFillWhatTheUrlLeavesOut() {
        Map<String, String> environment = PgTools.environment(
                new DatabaseSettings("jdbc:postgresql://[::1]/my%20db", null, null, 1)).orElseThrow();

        assertEquals("::1", environment.get("PGHOST"));
        assertEquals("5432", environment.get("PGPORT"));
        assertEquals("my db", environment.get("PGDATABASE"));
        assertFalse(environment.containsKey("PGPASSWORD"));
        assertFalse(environment.containsKey("PGUSER"));
    }

    @Test
    void aUrlTheProgramsCannotBeToldTheSameWayIsNotPassedOn() {
        assertEquals(Optional.empty(), PgTools.environment(
                new DatabaseSettings("jdbc:postgresql://a.example,b.example/eventa", "u", "p", 1)));
        assertEquals(Optional.empty(), PgTools.environment(
                new DatabaseSettings("jdbc:postgresql://db.example/eventa?ssl=true&sslfactory=x", "u", "p", 1)));
        assertEquals(Optional.empty(), PgTools.environment(new DatabaseSettings("jdbc:postgresql:eventa", "u", "p", 1)));
    }
}
