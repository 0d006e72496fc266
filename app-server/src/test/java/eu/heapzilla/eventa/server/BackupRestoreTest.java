package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.heapzilla.eventa.adapters.postgres.DatabaseSettings;
import eu.heapzilla.eventa.adapters.postgres.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken with the {@code backup} verb while a writer keeps writing, restored with the
 * {@code restore} verb into a fresh embedded PostgreSQL, serves the same events: every event's
 * {@code export.json} is byte for byte one the original server served for the state the backup
 * caught, and every receipt comes back with its SHA-256.
 *
 * <p>The writer is one thread, so between two of its writes the original's state is exactly the
 * one its last write left; after each write it downloads that event's export. The backup is one
 * snapshot, so each restored event must equal the export recorded at the restored cursor.
 */
class BackupRestoreTest {

    private static final ObjectMapper JSON = TestApi.JSON;
    private static final Pattern SIGN_IN_LINK = Pattern.compile("/verify\\?token=([A-Za-z0-9_-]{43})");

    @TempDir
    Path dir;

    private final Random random = new Random(20261122);
    /** Every export the original served, by event and cursor. */
    private final Map<String, Map<Long, byte[]>> exports = new ConcurrentHashMap<>();
    /** The SHA-256 of every receipt uploaded, by receipt id. */
    private final Map<String, String> receiptDigests = new ConcurrentHashMap<>();

    @Test
    void aBackupTakenWhileWritingRestoresToTheSameExportsAndReceipts() throws Exception {
        DatabaseSettings database = TestDatabase.fresh();
        Map<String, String> original = TestApi.serverEnvironment(database, 0, dir.resolve("original"));
        Path backup = dir.resolve("eventa.backup");

        String bearer;
        List<String> events = new ArrayList<>();
        int restoredCursorsBehind = 0;
        try (Server server = Server.start(Config.from(original, dir))) {
            String base = "http://127.0.0.1:" + server.port();
            bearer = signIn(original, base, "jane@example.org");
            for (String title : List.of("Our wedding", "Rehearsal dinner", "Honeymoon")) {
                String event = new TestApi(base).call("POST", "/api/v1/events", "{\"title\": \"" + title + "\"}", bearer, 201).path("id").asText();
                events.add(event);
                plan(base, bearer, event);
                recordExport(base, bearer, event);
            }

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger writes = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Thread writer = new Thread(() -> {
                try {
                    while (writing.get()) {
                        String event = events.get(writes.get() % 2);
                        write(base, bearer, event, writes.get());
                        recordExport(base, bearer, event);
                        writes.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "writer");
            writer.start();
            awaitWrites(writes, 15, failures);
            int before = writes.get();

            assertEquals(Main.OK, verb(original, "backup", "--out", backup.toString(), "--format", "built-in"));

            int during = writes.get() - before;
            awaitWrites(writes, writes.get() + 15, failures);
            writing.set(false);
            writer.join();
            assertTrue(failures.isEmpty(), failures.toString());
            System.out.printf("backup while writing: %d writes before it, %d during it, %d in all%n", before, during,
                    writes.get());
        }

        Map<String, String> restored = new HashMap<>();
        restored.put("EVENTA_PORT", "0");
        restored.put("EVENTA_HOST", "127.0.0.1");
        restored.put("EVENTA_DATA_DIR", dir.resolve("restored").toString());
        assertEquals(Main.OK, verb(restored, "restore", backup.toString()));
        assertTrue(Files.exists(dir.resolve("restored/postgres/PG_VERSION")), "a fresh embedded PostgreSQL was used");

        try (Server server = Server.start(Config.from(restored, dir))) {
            String base = "http://127.0.0.1:" + server.port();
            for (String event : events) {
                byte[] served = export(base, bearer, event);
                long cursor = JSON.readTree(served).path("cursor").asLong();
                byte[] recorded = exports.get(event).get(cursor);
                assertNotNull(recorded, "the original never served " + event + " at cursor " + cursor);
                assertArrayEquals(recorded, served, "export of " + event + " at cursor " + cursor);
                long last = exports.get(event).keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
                if (cursor < last) {
                    restoredCursorsBehind++;
                }
                for (JsonNode receipt : JSON.readTree(served).path("receipts")) {
                    String id = receipt.path("id").asText();
                    byte[] bytes = new TestApi(base).bytes("/api/v1/events/" + event + "/receipts/" + id, bearer).body();
                    assertEquals(receiptDigests.get(id), sha256(bytes), "receipt " + id);
                    assertEquals(receipt.path("sha256").asText(), sha256(bytes));
                }
            }
        }
        assertTrue(restoredCursorsBehind > 0, "writes went on after the snapshot, so some event is behind the original");
    }

    private void awaitWrites(AtomicInteger writes, int atLeast, List<Throwable> failures) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (writes.get() < atLeast && failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(writes.get() >= atLeast, "the writer made only " + writes.get() + " writes");
    }

    /** Households, guests, tasks, budget items and receipts, so every part of an export has something in it. */
    private void plan(String base, String bearer, String event) throws Exception {
        String path = "/api/v1/events/" + event;
        String household = new TestApi(base).call("POST", path + "/households", "{\"name\": \"The Smiths\"}", bearer, 201).path("id").asText();
        new TestApi(base).call("POST", path + "/guests", "{\"household_id\": \"" + household + "\", \"name\": \"Ann Smith\"}", bearer, 201);
        new TestApi(base).call("POST", path + "/tasks", "{\"title\": \"Book the hall\", \"due_on\": \"2027-05-01\"}", bearer, 201);
        String item = new TestApi(base).call("POST", path + "/budget-items",
                "{\"category\": \"venue\", \"title\": \"Hall\", \"estimated_cents\": 250000}", bearer, 201).path("id").asText();
        upload(base, bearer, event, item, 2 * 1024 * 1024);
        upload(base, bearer, event, item, 64 * 1024);
    }

    /** One write of the writer: mostly tasks, now and then a receipt. */
    private void write(String base, String bearer, String event, int n) throws Exception {
        String path = "/api/v1/events/" + event;
        if (n % 7 == 3) {
            String item = new TestApi(base).call("POST", path + "/budget-items",
                    "{\"category\": \"misc\", \"title\": \"Item " + n + "\"}", bearer, 201).path("id").asText();
            upload(base, bearer, event, item, 32 * 1024 + n);
        } else {
            new TestApi(base).call("POST", path + "/tasks", "{\"title\": \"Task " + n + "\"}", bearer, 201);
        }
    }

    private void recordExport(String base, String bearer, String event) throws Exception {
        byte[] document = export(base, bearer, event);
        exports.computeIfAbsent(event, e -> new ConcurrentHashMap<>()).put(JSON.readTree(document).path("cursor").asLong(), document);
    }

    private byte[] export(String base, String bearer, String event) throws Exception {
        HttpResponse<byte[]> response = new TestApi(base).bytes("/api/v1/events/" + event + "/export.json", bearer);
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private void upload(String base, String bearer, String event, String item, int size) throws Exception {
        byte[] pdf = pdf(size);
        String boundary = "eventa-" + random.nextLong();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"receipt.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = new TestApi(base).send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/"
                        + event + "/budget-items/" + item + "/receipts"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), bearer);
        assertEquals(201, response.statusCode(), response.body());
        receiptDigests.put(JSON.readTree(response.body()).path("receipts").get(0).path("id").asText(), sha256(pdf));
    }

    /** A PDF as the server's type check sees one, with {@code size} bytes of which most are random. */
    private byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        byte[] head = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    private String signIn(Map<String, String> env, String base, String email) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(Main.OK, Main.run(new String[] {"add-owner", "--email", email}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), env, dir));
        Matcher link = SIGN_IN_LINK.matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(link.find(), out.toString(StandardCharsets.UTF_8));
        return new TestApi(base).call("POST", "/api/v1/auth/verify", "{\"token\": \"" + link.group(1) + "\"}", null, 200).path("bearer").asText();
    }

    private int verb(Map<String, String> env, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, dir);
        if (status != Main.OK) {
            System.err.println(err.toString(StandardCharsets.UTF_8));
        }
        return status;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
