package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's own behaviour: help, and arguments refused before anything is opened. */
class MainTest {

    static final List<String> VERBS = List.of("serve", "migrate", "backup", "restore", "export-event", "create-invite",
            "add-owner", "purge", "health");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryVerb() {
        assertEquals(Main.OK, run("--help"));
        for (String verb : VERBS) {
            assertTrue(out().contains("  " + verb + " "), verb + " missing from: " + out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "migrate", "backup", "restore", "export-event", "create-invite", "add-owner", "purge",
        "health"})
    void everyVerbExplainsItselfWithHelp(String verb) {
        assertEquals(Main.OK, run(verb, "--help"));
        assertTrue(out().startsWith("Usage: eventa-server.jar " + verb), out());
        assertEquals("", err());
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        assertEquals(Main.USAGE, run("frobnicate"));
        assertTrue(err().contains("'frobnicate'"), err());
    }

    @Test
    void extraArgumentsAreAUsageError() {
        assertEquals(Main.USAGE, run("serve", "now"));
        assertTrue(err().contains("'now'"), err());
    }

    @Test
    void malformedValuesAreUsageErrorsNamingTheValue() {
        assertEquals(Main.USAGE, run("export-event", "not-an-id"));
        assertTrue(err().contains("'not-an-id' is not an event id"), err());
        assertEquals(Main.USAGE, run("create-invite", "--event", "6f1c1f3e-3c55-4e55-9a4e-0d2c9c1b7a10", "--email", "nobody"));
        assertTrue(err().contains("'nobody' is not an email address"), err());
        assertEquals(Main.USAGE, run("create-invite", "--event", "6f1c1f3e-3c55-4e55-9a4e-0d2c9c1b7a10", "--email",
                "anna@example.org", "--role", "boss"));
        assertTrue(err().contains("'boss' is not a role"), err());
        assertEquals(Main.USAGE, run("add-owner"));
        assertTrue(err().contains("--email"), err());
    }

    @Test
    void healthFailsWhenNothingAnswers() {
        assertEquals(Main.FAILED, run("health", "--url", "http://127.0.0.1:9/ready", "--timeout", "1"));
        assertTrue(err().contains("http://127.0.0.1:9/ready"), err());
    }
}
