package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.joran.spi.JoranException;
import eu.heapzilla.eventa.domain.access.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped logback configurations pass every line through {@link SecretRedaction}: message, exception, context, fields. */
class LogMaskingTest {

    private static final String BEARER = "bT0ken-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";
    private static final String LINK_TOKEN = "lT0ken_9z8y7x6w5v4u3t2s1r0q9p8o7n6m5l4k3j2i1h0g";
    private static final String INVITE_TOKEN = Secret.generate(new SecureRandom()).reveal();

    @ParameterizedTest
    @ValueSource(strings = {"logback.xml", "logback-json.xml"})
    void bearerAndTokenValuesNeverReachTheOutput(String configuration) throws JoranException {
        String output = logThrough(configuration,
                "client sent Authorization: Bearer " + BEARER + " to /verify?token=" + LINK_TOKEN + "&x=1");

        assertFalse(output.contains(BEARER), output);
        assertFalse(output.contains(LINK_TOKEN), output);
        assertTrue(output.contains("Bearer ***"), output);
        assertTrue(output.contains("token=***&x=1"), output);
        assertTrue(output.contains("client sent Authorization"), "the rest of the message is kept: " + output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logback.xml", "logback-json.xml"})
    void aTokenInAnExceptionInTheContextOrInAFieldIsMaskedToo(String configuration) throws JoranException {
        String output = logThrough(configuration, logger -> {
            logger.getLoggerContext().getMDCAdapter().put("route", "/api/v1/invites/" + INVITE_TOKEN + "/accept");
            logger.atWarn()
                    .addKeyValue("link", "http://localhost/verify?token=" + LINK_TOKEN)
                    .setCause(new IllegalStateException("could not use token " + INVITE_TOKEN))
                    .log("something failed");
        });

        assertFalse(output.contains(INVITE_TOKEN), output);
        assertFalse(output.contains(LINK_TOKEN), output);
        assertTrue(output.contains("IllegalStateException"), "the exception is still logged: " + output);
        assertTrue(output.contains("something failed"), output);
    }

    private static String logThrough(String configuration, String message) throws JoranException {
        return logThrough(configuration, logger -> logger.info(message));
    }

    private static String logThrough(String configuration, Consumer<Logger> logging) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        // Whatever an earlier test in this JVM chose for the process, this one reads stdout.
        context.putProperty("eventa.log.target", "System.out");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogMaskingTest.class.getResource("/" + configuration));
            // A warning would make logback print its own status lines at every start.
            assertTrue(new StatusUtil(context).getHighestLevel(0) < Status.WARN,
                    configuration + " configures with warnings: " + context.getStatusManager().getCopyOfStatusList());
            logging.accept(context.getLogger("eventa.test"));
        } finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
