package eu.heapzilla.eventa.adapters.mail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Arrays;
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
    static CapturedLogs mail() {
        return new CapturedLogs("eventa.mail");
    }

    List<ILoggingEvent> events() {
        synchronized (appender) { // AppenderBase.doAppend holds this lock while it appends
            return List.copyOf(appender.list);
        }
    }

    List<String> messages(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Everything an encoder could print: message, arguments, key-value pairs, throwables. */
    String everything() {
        return events().stream().map(CapturedLogs::render).collect(Collectors.joining("\n"));
    }

    private static String render(ILoggingEvent event) {
        List<String> parts = new ArrayList<>();
        parts.add(event.getLevel() + " " + event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            parts.add(Arrays.deepToString(event.getArgumentArray()));
        }
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> parts.add(pair.key + "=" + pair.value));
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            parts.add(t.getClassName() + ": " + t.getMessage());
        }
        if (event.getMDCPropertyMap() != null) {
            parts.add(event.getMDCPropertyMap().toString());
        }
        return String.join(" | ", parts);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
