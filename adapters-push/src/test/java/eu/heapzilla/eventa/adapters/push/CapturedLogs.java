package eu.heapzilla.eventa.adapters.push;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Every event logged to one logger (and its children) while open, through logback's ListAppender. */
final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(String name) {
        logger = (Logger) LoggerFactory.getLogger(name);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures the logger all of this module's log lines go to. */
    static CapturedLogs push() {
        return new CapturedLogs("eventa.push");
    }

    List<ILoggingEvent> events() {
        synchronized (appender) { // AppenderBase.doAppend holds this lock while it appends
            return List.copyOf(appender.list);
        }
    }

    /** Messages and key-value pairs, one event a line. */
    String everything() {
        return events().stream()
                .map(event -> event.getLevel() + " " + event.getFormattedMessage()
                        + (event.getKeyValuePairs() == null ? "" : " " + event.getKeyValuePairs()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
