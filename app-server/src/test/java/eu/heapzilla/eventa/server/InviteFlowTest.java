package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inviting people over real HTTP against the fully wired server, reading every link from the
 * {@code .eml} files the development mailer writes: a brand-new person joins through the invite
 * alone, and someone who already has an account joins as themselves.
 */
class InviteFlowTest {

    private static final Pattern SIGN_IN_LINK = Pattern.compile("http://[^\\s\"<>]+/verify\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern INVITE_LINK = Pattern.compile("(http://[^\\s\"<>]+/invite\\?token=([A-Za-z0-9_-]{43}))");

    @TempDir
    Path dir;

    private Server server;
    private String base;
    private TestApi api;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        DatabaseSettings database = TestDatabase.fresh();
        Map<String, String> env = TestApi.serverEnvironment(database, port, dir.resolve("data"));
        server = Server.start(Config.from(env, dir));
        api = new TestApi(base);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBrandNewPersonJoinsThroughTheInviteMailAlone() throws Exception {
        String alex = signIn("alex@example.org");
        String event = api.call("POST", "/api/v1/events", "{\"title\": \"Jane & Tom's wedding\"}", alex, 201).path("id").asText();
        api.call("POST", "/api/v1/events/" + event + "/invites", "{\"email\": \"gerda@example.org\"}", alex, 201);

        String mailText = awaitMail("gerda@example.org", "invite");
        assertTrue(mailText.contains("Jane & Tom's wedding"), mailText);
        Matcher link = INVITE_LINK.matcher(mailText);
        assertTrue(link.find(), mailText);
        assertTrue(link.group(1).startsWith(base + "/invite?token="), link.group(1));
        String token = link.group(2);
        HttpResponse<String> page = api.send(HttpRequest.newBuilder(URI.create(link.group(1))).GET(), null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("eventa://invite?token=" + token), page.body());

        JsonNode joined = api.call("POST", "/api/v1/invites/" + token + "/accept", null, null, 200);
        String gerda = joined.path("bearer").asText();
        assertEquals("gerda@example.org", joined.path("user").path("email").asText());
        JsonNode me = api.call("GET", "/api/v1/me", null, gerda, 200);
        assertEquals(event, me.path("memberships").get(0).path("event_id").asText());
        assertEquals("Jane & Tom's wedding", me.path("memberships").get(0).path("title").asText());
        assertEquals("editor", me.path("memberships").get(0).path("role").asText());
        api.call("PATCH", "/api/v1/events/" + event, "{\"version\": 1, \"location\": \"Vienna\"}", gerda, 200);
        JsonNode members = api.call("GET", "/api/v1/events/" + event + "/members", null, alex, 200).path("members");
        assertEquals(2, members.size());
        api.call("POST", "/api/v1/invites/" + token + "/accept", null, null, 410);
    }

    @Test
    void someoneWithAnAccountJoinsAsThemselves() throws Exception {
        String alex = signIn("alex@example.org");
        String sam = signIn("sam@example.org");
        String samId = api.call("GET", "/api/v1/me", null, sam, 200).path("user").path("id").asText();
        String event = api.call("POST", "/api/v1/events", "{\"title\": \"Reunion\"}", alex, 201).path("id").asText();
        api.call("POST", "/api/v1/events/" + event + "/invites", "{\"email\": \"sam@example.org\", \"role\": \"viewer\"}", alex, 201);

        Matcher link = INVITE_LINK.matcher(awaitMail("sam@example.org", "invite"));
        assertTrue(link.find());
        JsonNode joined = api.call("POST", "/api/v1/invites/" + link.group(2) + "/accept", null, null, 200);
        assertEquals(samId, joined.path("user").path("id").asText());
        assertEquals("viewer", api.call("GET", "/api/v1/events/" + event, null, sam, 200).path("role").asText());
        api.call("PATCH", "/api/v1/events/" + event, "{\"version\": 1, \"title\": \"Mine\"}", sam, 403);
    }

    private String signIn(String email) throws Exception {
        api.call("POST", "/api/v1/auth/magic-link", "{\"email\": \"" + email + "\"}", null, 202);
        Matcher link = SIGN_IN_LINK.matcher(awaitMail(email, "sign-in"));
        assertTrue(link.find());
        return api.call("POST", "/api/v1/auth/verify", "{\"token\": \"" + link.group(1) + "\"}", null, 200).path("bearer").asText();
    }

    /** The text part of the one mail of {@code kind} to {@code to}, read with a real MIME parser. */
    private String awaitMail(String to, String kind) throws Exception {
        Path mailDir = dir.resolve("data/mail");
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(mailDir)) {
                try (Stream<Path> files = Files.list(mailDir)) {
                    List<Path> mails = files.filter(f -> isMail(f, kind)).toList();
                    for (Path mail : mails) {
                        Optional<String> text = textTo(mail, to);
                        if (text.isPresent()) {
                            return text.get();
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + kind + " mail to " + to + " appeared in " + mailDir);
    }

    /** A finished mail of {@code kind}: the mailer writes {@code .…part} files first and renames them when whole. */
    private static boolean isMail(Path file, String kind) {
        String name = file.getFileName().toString();
        return name.endsWith(".eml") && !name.startsWith(".") && name.contains("-" + kind + "-");
    }

    private static Optional<String> textTo(Path eml, String to) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            if (!to.equals(message.getAllRecipients()[0].toString())) {
                return Optional.empty();
            }
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return Optional.of((String) part.getContent());
                }
            }
        }
        return Optional.empty();
    }
}
