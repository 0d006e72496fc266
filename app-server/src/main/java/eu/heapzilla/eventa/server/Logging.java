package eu.heapzilla.eventa.server;

import org.slf4j.LoggerFactory;

/**
 * Chooses the log format before the first logger exists: {@code logback.xml} writes text,
 * {@code logback-json.xml} one JSON object per line.
 */
final class Logging {

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private Logging() {
    }

    static void configure(Config.LogFormat format) {
        if (format == Config.LogFormat.JSON && System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "logback-json.xml");
        }
    }

    static void failure(String what, RuntimeException e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        LoggerFactory.getLogger(Main.class).error("{}: {}", what, why, e);
    }
}
