package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eu.heapzilla.eventa.domain.access.ClientAddress;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.SignIn;
import eu.heapzilla.eventa.ports.out.Mail;
import eu.heapzilla.eventa.ports.service.UseCases;
import eu.heapzilla.eventa.ports.testing.InMemoryAdapters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
            client.send(client.request("/api/v1/events/" + java.util.UUID.randomUUID()).header("X-Request-Id", "req-4"));
        } finally {
            root.detachAppender(captured);
        }

        List<ILoggingEvent> events = captured.list;
        String everything = events.stream().map(RequestLogTest::allText).collect(Collectors.joining("\n"));
        assertFalse(everything.contains(QUERY_TOKEN), everything);
        assertFalse(everything.contains(PATH_TOKEN), everything);
        assertFalse(everything.contains(BEARER), everything);

        List<ILoggingEvent> requestLines = events.stream().filter(e -> e.getLoggerName().equals("eventa.http")).toList();
        assertEquals(4, requestLines.size(), everything);
        assertEquals("GET /health 200", requestLines.get(0).getFormattedMessage());
        assertTrue(allText(requestLines.get(0)).contains("request_id=req-1"), allText(requestLines.get(0)));
        assertEquals("POST /api/v1/invites/{token}/accept 404", requestLines.get(1).getFormattedMessage());
        assertEquals("GET /api/v1/unknown/{redacted} 404", requestLines.get(2).getFormattedMessage());
        assertEquals("GET /api/v1/events/{event} 401", requestLines.get(3).getFormattedMessage(),
                "a request the bearer check turned away is logged under its route");
    }

    @Test
    void whatIsLoggedDuringARequestCarriesItsIdUserAndRoute() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        InMemoryAdapters adapters = new InMemoryAdapters();
        UseCases useCases = adapters.useCases();
        useCases.signIn().requestLink(Email.of("jane@example.org"), new ClientAddress("127.0.0.1"));
        adapters.drainOutbox();
        Mail.SignInLink link = (Mail.SignInLink) adapters.mails().get(adapters.mails().size() - 1);
        SignIn.SignedIn jane = useCases.signIn().verify(link.token(), Optional.empty());
        try (HttpServer server = new HttpServer(new HttpSettings("127.0.0.1", 0, 1024), LiveSettings.DEFAULT,
                TestPorts.inPorts(useCases), (config, bodies) -> config.routes.get("/api/v1/test/{thing}/boom", ctx -> {
                    throw new IllegalStateException("boom");
                }, Access.SIGNED_IN)).start()) {
            TestClient client = new TestClient(server.port(), "/api/v1/test/");
            client.send(client.request("/api/v1/test/" + UUID.randomUUID() + "/boom")
                    .header("Authorization", "Bearer " + jane.bearer().reveal()).header("X-Request-Id", "req-9"));
        } finally {
            root.detachAppender(captured);
        }

        ILoggingEvent failure = captured.list.stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
        assertEquals("req-9", failure.getMDCPropertyMap().get("request_id"));
        assertEquals(jane.user().id().toString(), failure.getMDCPropertyMap().get("user_id"));
        assertEquals("/api/v1/test/{thing}/boom", failure.getMDCPropertyMap().get("route"));
        ILoggingEvent line = captured.list.stream().filter(e -> e.getLoggerName().equals("eventa.http")).findFirst().orElseThrow();
        assertEquals("GET /api/v1/test/{thing}/boom 500", line.getFormattedMessage());
        assertEquals(jane.user().id().toString(), line.getMDCPropertyMap().get("user_id"));
        assertFalse(line.getMDCPropertyMap().containsKey("route"), "the line has its route as a field, not twice");
    }

    private static String allText(ILoggingEvent event) {
        return event.getFormattedMessage() + " " + event.getKeyValuePairs() + " " + event.getMDCPropertyMap();
    }
}
