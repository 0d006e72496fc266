package eu.heapzilla.eventa.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * axe-core, the accessibility checker, injected into the page under test from its npm package
 * ({@code EVENTA_AXE_JS}, which {@code .ci/run} installs). Reports the serious and critical
 * violations of WCAG 2.1 A and AA rules.
 */
final class Axe {

    private static String source;

    private Axe() {
    }

    static synchronized String source() {
        if (source == null) {
            Path file = Path.of(System.getenv().getOrDefault("EVENTA_AXE_JS",
                    System.getProperty("user.home") + "/.cache/eventa-web-tools/node_modules/axe-core/axe.min.js"));
            if (!Files.isReadable(file)) {
                if ("required".equals(System.getenv("EVENTA_BROWSER_TESTS"))) {
                    throw new AssertionError("EVENTA_BROWSER_TESTS=required but axe-core is not at " + file);
                }
                Assumptions.abort("axe-core is not installed at " + file + " (npm install axe-core)");
            }
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(Browser browser) {
        // CSP forbids inline script on eventa's pages, but scripts the driver runs are not subject to it.
        browser.script(source() + "\nwindow.__axe = axe;");
        Object result = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.__axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }
}
