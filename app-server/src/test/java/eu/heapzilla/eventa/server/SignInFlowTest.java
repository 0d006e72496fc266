package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole sign-in flow over real HTTP against the fully wired server, reading the link from
 * the {@code .eml} file the development mailer writes, as a person running eventa locally would.
 */
class SignInFlowTest {

    private static final Pattern VERIFY_LINK = Pattern.compile("(http://[^\\s\"<>]+/verify\\?token=([A-Za-z0-9_-]{43}))");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @Test
    void requestReadMailOpenPageVerifyUseLogOutAndNoTokenEverReachesTheLog() throws Exception {
        ListAppender<ILoggingEvent> logs = captureLogs();
        String token;
        String bearer;
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        try (Server server = Server.start(config(port))) {
            assertEquals(port, server.port());

            HttpResponse<String> requested = post("/api/v1/auth/magic-link", "{\"email\": \"Jane@Example.org\"}", null);
            assertEquals(202, requested.statusCode(), requested.body());

            Path eml = awaitOneMail(dir.resolve("data/mail"));
            String link = linkIn(eml);
            Matcher matcher = VERIFY_LINK.matcher(link);
            assertTrue(matcher.matches(), link);
            token = matcher.group(2);
            assertTrue(link.startsWith(base + "/verify?token="), "the link points at this server: " + link);

            HttpResponse<String> page = get(link.substring(base.length()), null);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("eventa://verify?token=" + token), page.body());

            HttpResponse<String> verified = post("/api/v1/auth/verify", "{\"token\": \"" + token + "\"}", null);
            assertEquals(200, verified.statusCode(), "the page left the token unused: " + verified.body());
            Matcher bearerField = Pattern.compile("\"bearer\":\"([A-Za-z0-9_-]{43})\"").matcher(verified.body());
            assertTrue(bearerField.find(), verified.body());
            bearer = bearerField.group(1);

            HttpResponse<String> me = get("/api/v1/me", bearer);
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("\"email\":\"jane@example.org\""), me.body());
            assertTrue(me.body().contains("\"memberships\":[]"), me.body());

            assertEquals(204, post("/api/v1/auth/logout", null, bearer).statusCode());
            assertEquals(401, get("/api/v1/me", bearer).statusCode());
            assertEquals(410, post("/api/v1/auth/verify", "{\"token\": \"" + token + "\"}", null).statusCode());
            assertEquals(410, post("/verify", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), null,
                    "application/x-www-form-urlencoded").statusCode());
        } finally {
            releaseLogs(logs);
        }

        String everything = logs.list.stream().map(SignInFlowTest::allText).collect(Collectors.joining("\n"));
        assertTrue(everything.contains("POST /api/v1/auth/verify 200"), "the flow was logged: " + everything);
        assertTrue(everything.contains(".eml"), "the development mailer says where the mail went: " + everything);
        assertFalse(everything.contains(token), "a sign-in token reached the log");
        assertFalse(everything.contains(bearer), "a bearer reached the log");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Config config(int port) {
        DatabaseSettings database = TestDatabase.fresh();
        Map<String, String> env = TestApi.serverEnvironment(database, port, dir.resolve("data"));
        return Config.from(env, dir);
    }

    private static Path awaitOneMail(Path mailDir) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(mailDir)) {
                try (Stream<Path> files = Files.list(mailDir)) {
                    List<Path> mails = files.filter(f -> f.toString().endsWith(".eml")).toList();
                    if (!mails.isEmpty()) {
                        assertEquals(1, mails.size(), mails.toString());
                        return mails.get(0);
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no .eml file appeared in " + mailDir);
    }

    /** The verify link from the plain-text part of the mail, read with a real MIME parser. */
    private static String linkIn(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals("jane@example.org", message.getAllRecipients()[0].toString());
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    Matcher matcher = VERIFY_LINK.matcher((String) part.getContent());
                    assertTrue(matcher.find(), "a verify link in the text part");
                    return matcher.group(1);
                }
            }
        }
        throw new AssertionError("no text/plain part in " + eml);
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String bearer) throws Exception {
        return post(path, json, bearer, "application/json");
    }

    private HttpResponse<String> post(String path, String body, String bearer, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every event from every logger, eventa's own down to DEBUG, before any masking layout. */
    private static ListAppender<ILoggingEvent> captureLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ((Logger) LoggerFactory.getLogger("eu.heapzilla.eventa")).setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    private static void releaseLogs(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        ((Logger) LoggerFactory.getLogger("eu.heapzilla.eventa")).setLevel(null);
    }

    private static String allText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append(' ').append(argument);
            }
        }
        text.append(' ').append(event.getKeyValuePairs()).append(' ').append(event.getMDCPropertyMap());
        if (event.getThrowableProxy() != null) {
            text.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }
}
