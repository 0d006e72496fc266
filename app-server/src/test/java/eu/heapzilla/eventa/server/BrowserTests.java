package eu.heapzilla.eventa.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every browser test class shares: Chromium is required (or the class is skipped, see
 * {@link Browser#requireChromium()}), and one fully wired server with a fresh database serves the
 * whole class. A subclass's own {@code @BeforeAll} runs after the server is up, its
 * {@code @AfterAll} before the server stops.
 */
abstract class BrowserTests {

    @TempDir
    static Path dir;
    static WebServer server;

    @BeforeAll
    static void startServer() {
        Browser.requireChromium();
        server = WebServer.start(dir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
