package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheVerbs() {
        assertEquals(Main.OK, run("--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("serve") && text.contains("migrate"), text);
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        assertEquals(Main.USAGE, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown verb 'frobnicate'"));
    }

    @Test
    void extraArgumentsAreAUsageError() {
        assertEquals(Main.USAGE, run("serve", "now"));
    }
}
