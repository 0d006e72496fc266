package eu.heapzilla.eventa.server;

import org.slf4j.LoggerFactory;

/**
 * Chooses the log format and stream before the first logger exists: {@code logback.xml} writes
 * text, {@code logback-json.xml} one JSON object per line; the server logs to stdout, an
 * operator's verb to stderr (its stdout is its result, an export say). Both configurations pass
 * everything through {@link SecretRedaction}.
 */
final class Logging {

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";
    /** Read by both configurations as {@code ${eventa.log.target}}. */
    private static final String TARGET = "eventa.log.target";

    enum Target {
        STDOUT("System.out"), STDERR("System.err");

        private final String appenderTarget;

        Target(String appenderTarget) {
            this.appenderTarget = appenderTarget;
        }
    }

    private Logging() {
    }

    static void configure(Config.LogFormat format, Target target) {
        if (System.getProperty(TARGET) == null) {
            System.setProperty(TARGET, target.appenderTarget);
        }
        if (format == Config.LogFormat.JSON && System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "logback-json.xml");
        }
    }

    static void failure(String what, RuntimeException e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        LoggerFactory.getLogger(Main.class).error("{}: {}", what, why, e);
    }
}
