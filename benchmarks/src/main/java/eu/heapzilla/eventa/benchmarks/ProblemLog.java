package eu.heapzilla.eventa.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Counts the WARN and ERROR lines logged in this process while the in-process scenario runs: the
 * core's (through {@link System.Logger}, which is {@code java.util.logging} here) and the
 * adapters' (SLF4J, logback), with the distinct messages (ids folded) and how often each came.
 * The lines themselves still go to stderr.
 */
final class ProblemLog implements AutoCloseable {

    private final AtomicLong warnings = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, Long> distinct = new LinkedHashMap<>();
    private final Handler julHandler;
    private final AppenderBase<ILoggingEvent> appender;

    private ProblemLog() {
        julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    String message = record.getMessage();
                    if (record.getParameters() != null && message != null) {
                        message = java.text.MessageFormat.format(message, record.getParameters());
                    }
                    seen(record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue(),
                            record.getLoggerName() + " - " + message
                                    + (record.getThrown() != null ? " (" + record.getThrown() + ")" : ""));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    seen(event.getLevel().isGreaterOrEqual(Level.ERROR), event.getLoggerName() + " - "
                            + event.getFormattedMessage()
                            + (event.getThrowableProxy() != null ? " (" + event.getThrowableProxy().getClassName() + ": "
                            + event.getThrowableProxy().getMessage() + ")" : ""));
                }
            }
        };
    }

    /** Starts counting. */
    static ProblemLog start() {
        ProblemLog log = new ProblemLog();
        java.util.logging.Logger.getLogger("").addHandler(log.julHandler);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            log.appender.setContext(context);
            log.appender.setName("problem-log");
            log.appender.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(log.appender);
        }
        return log;
    }

    private void seen(boolean error, String line) {
        (error ? errors : warnings).incrementAndGet();
        String folded = line.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\b\\d+\\b", "<n>");
        synchronized (distinct) {
            distinct.merge((error ? "ERROR " : "WARN ") + folded, 1L, Long::sum);
        }
    }

    long warnings() {
        return warnings.get();
    }

    long errors() {
        return errors.get();
    }

    /** The distinct lines (ids and numbers folded), with how often each came, most frequent first. */
    List<String> distinct(int most) {
        List<Map.Entry<String, Long>> entries;
        synchronized (distinct) {
            entries = new ArrayList<>(distinct.entrySet());
        }
        entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        return entries.stream().limit(most).map(e -> e.getValue() + " × " + e.getKey()).toList();
    }

    @Override
    public void close() {
        java.util.logging.Logger.getLogger("").removeHandler(julHandler);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
