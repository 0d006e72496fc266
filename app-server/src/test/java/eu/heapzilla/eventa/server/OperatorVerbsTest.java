package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's verbs against the database a running server uses, checked through that
 * server's HTTP API: the first person gets in without any mail, an invite is handed over, an
 * owner is added, an event is exported byte for byte as its members download it.
 */
class OperatorVerbsTest {

    private static final Pattern SIGN_IN_LINK = Pattern.compile("/verify\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern INVITE_LINK = Pattern.compile("/invite\\?token=([A-Za-z0-9_-]{43})");

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private Server server;
    private String base;
    private TestApi api;
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        DatabaseSettings database = TestDatabase.fresh();
        env.putAll(TestApi.serverEnvironment(database, port, dir.resolve("data")));
        server = Server.start(Config.from(env, dir));
        api = new TestApi(base);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int verb(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), env, dir);
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    void theFirstPersonGetsInWithoutMailThenAnInviteIsHandedOverAndAnOwnerAdded() throws Exception {
        assertEquals(Main.OK, verb("add-owner", "--email", "Jane@Example.org"), err);
        String jane = api.call("POST", "/api/v1/auth/verify", "{\"token\": \"" + token(SIGN_IN_LINK, out) + "\"}", null, 200)
                .path("bearer").asText();
        assertTrue(out.contains(base + "/verify?token="), "the link is the mail's link: " + out);
        String event = api.call("POST", "/api/v1/events", "{\"title\": \"Our wedding\"}", jane, 201).path("id").asText();

        assertEquals(Main.OK, verb("create-invite", "--event", event, "--email", "tom@example.org", "--role", "viewer"), err);
        assertTrue(out.contains(base + "/invite?token="), out);
        JsonNode joined = api.call("POST", "/api/v1/invites/" + token(INVITE_LINK, out) + "/accept", null, null, 200);
        String tom = joined.path("bearer").asText();
        String tomId = joined.path("user").path("id").asText();
        assertEquals("viewer", api.call("GET", "/api/v1/events/" + event, null, tom, 200).path("role").asText());

        assertEquals(Main.OK, verb("add-owner", "--event", event, "--email", "tom@example.org"), err);
        assertEquals("owner", api.call("GET", "/api/v1/events/" + event, null, tom, 200).path("role").asText());
        JsonNode changes = api.call("GET", "/api/v1/events/" + event + "/changes?since=0", null, jane, 200).path("changes");
        JsonNode last = changes.get(changes.size() - 1);
        assertEquals("member", last.path("entity_type").asText());
        assertEquals(tomId, last.path("entity_id").asText());

        assertFalse(mailWasWritten(), "nothing here sends mail");
    }

    @Test
    void anExportFromTheCommandLineIsTheMembersDownloadByteForByte() throws Exception {
        assertEquals(Main.OK, verb("add-owner", "--email", "jane@example.org"));
        String jane = api.call("POST", "/api/v1/auth/verify", "{\"token\": \"" + token(SIGN_IN_LINK, out) + "\"}", null, 200)
                .path("bearer").asText();
        String event = api.call("POST", "/api/v1/events", "{\"title\": \"Reunion\", \"currency\": \"EUR\"}", jane, 201)
                .path("id").asText();
        api.call("POST", "/api/v1/events/" + event + "/tasks", "{\"title\": \"Book the hall\", \"due_on\": \"2027-03-01\"}",
                jane, 201);

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"export-event", event}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), env, dir);
        byte[] download = api.bytes("/api/v1/events/" + event + "/export.json", jane).body();

        assertEquals(Main.OK, status);
        assertArrayEquals(download, stdout.toByteArray());

        Path file = dir.resolve("reunion.json");
        assertEquals(Main.OK, verb("export-event", event, "--out", file.toString()));
        assertArrayEquals(download, Files.readAllBytes(file));
        assertEquals("", out, "with --out, nothing goes to stdout");
    }

    @Test
    void verbsAboutAnEventThatIsNotThereFailPlainly() {
        String nowhere = UUID.randomUUID().toString();
        assertEquals(Main.FAILED, verb("export-event", nowhere));
        assertEquals("eventa: event not found\n", err);
        assertEquals("", out);
        assertEquals(Main.FAILED, verb("create-invite", "--event", nowhere, "--email", "tom@example.org"));
        assertEquals(Main.FAILED, verb("add-owner", "--event", nowhere, "--email", "tom@example.org"));
        assertFalse(out.contains("token="), "no link for a failed verb: " + out);
    }

    @Test
    void purgeSaysWhatItDeleted() {
        assertEquals(Main.OK, verb("purge"), err);
        assertTrue(out.matches("purged \\d+ sign-in link\\(s\\), \\d+ bearer\\(s\\) and \\d+ outbox item\\(s\\) or push window\\(s\\)\\n"), out);
    }

    private boolean mailWasWritten() throws Exception {
        Path mail = dir.resolve("data/mail");
        if (!Files.exists(mail)) {
            return false;
        }
        try (Stream<Path> files = Files.list(mail)) {
            return files.findAny().isPresent();
        }
    }

    private static String token(Pattern link, String text) {
        Matcher matcher = link.matcher(text);
        assertTrue(matcher.find(), "no link in: " + text);
        return matcher.group(1);
    }
}
