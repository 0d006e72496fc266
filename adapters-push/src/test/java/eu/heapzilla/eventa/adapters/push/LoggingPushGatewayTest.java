package eu.heapzilla.eventa.adapters.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingPushGatewayTest {

    @Test
    void logs_each_push_with_the_token_abbreviated_and_counts_it_sent() {
        LoggingPushGateway gateway = new LoggingPushGateway();

        try (CapturedLogs logs = CapturedLogs.push()) {
            PushOutcome first = gateway.send(TestPushes.push());
            PushOutcome second = gateway.send(TestPushes.push());

            assertEquals(new PushOutcome.Sent("logged-1"), first);
            assertEquals(new PushOutcome.Sent("logged-2"), second);
            List<ILoggingEvent> events = logs.events();
            assertEquals(2, events.size(), logs.everything());
            assertEquals(Level.INFO, events.get(0).getLevel());
            String line = events.get(0).getFormattedMessage();
            assertTrue(line.contains("task_assigned"), line);
            assertTrue(line.contains(TestPushes.EVENT.toString()), line);
            assertTrue(line.contains("task 3f2a9c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"), line);
            assertTrue(line.contains("seq 42"), line);
            assertTrue(line.contains("android device dGhpcyBp…"), line);
            assertFalse(logs.everything().contains(TestPushes.TOKEN), logs.everything());
        }
    }

    @Test
    void says_pushes_are_only_logged_and_why() {
        assertEquals("no push credentials (GOOGLE_APPLICATION_CREDENTIALS, EVENTA_FCM_PROJECT_ID):"
                + " pushes are logged, not sent", new LoggingPushGateway().description());
    }
}
