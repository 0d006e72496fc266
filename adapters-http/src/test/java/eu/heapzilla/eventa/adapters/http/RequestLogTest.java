package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestLogTest {

    private static final String QUERY_TOKEN = "qTok3n_v3rySecretValue_0123456789abcdefghij";
    private static final String PATH_TOKEN = "pTok3n_v3rySecretValue_0123456789abcdefghij";
    private static final String BEARER = "bTok3n_v3rySecretValue_0123456789abcdefghij";

    @Test
    void logsEveryRequestWithItsIdButNoTokenFromQueryPathOrHeaders() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        InMemoryAdapters adapters = new InMemoryAdapters();
        try (HttpServer server = new HttpServer(new HttpSettings("127.0.0.1", 0, 1024), TestPorts.inPorts(adapters.useCases())).start()) {
            TestClient client = new TestClient(server.port());
            client.send(client.request("/health?token=" + QUERY_TOKEN).header("Authorization", "Bearer " + BEARER)
                    .header("X-Request-Id", "req-1"));
            client.send(client.request("/api/v1/invites/" + PATH_TOKEN + "/accept").POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("X-Request-Id", "req-2"));
            client.send(client.request("/api/v1/unknown/" + PATH_TOKEN + "?bearer=" + BEARER).header("X-Request-Id", "req-3"));
        } finally {
            root.detachAppender(captured);
        }

        List<ILoggingEvent> events = captured.list;
        String everything = events.stream().map(RequestLogTest::allText).collect(Collectors.joining("\n"));
        assertFalse(everything.contains(QUERY_TOKEN), everything);
        assertFalse(everything.contains(PATH_TOKEN), everything);
        assertFalse(everything.contains(BEARER), everything);

        List<ILoggingEvent> requestLines = events.stream().filter(e -> e.getLoggerName().equals("eventa.http")).toList();
        assertEquals(3, requestLines.size(), everything);
        assertEquals("GET /health 200", requestLines.get(0).getFormattedMessage());
        assertTrue(allText(requestLines.get(0)).contains("request_id=req-1"), allText(requestLines.get(0)));
        assertEquals("POST /api/v1/invites/{token}/accept 404", requestLines.get(1).getFormattedMessage());
        assertEquals("GET /api/v1/unknown/{redacted} 404", requestLines.get(2).getFormattedMessage());
    }

    private static String allText(ILoggingEvent event) {
        return event.getFormattedMessage() + " " + event.getKeyValuePairs() + " " + event.getMDCPropertyMap();
    }
}
