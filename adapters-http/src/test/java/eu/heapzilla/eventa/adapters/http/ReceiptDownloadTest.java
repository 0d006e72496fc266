package eu.heapzilla.eventa.adapters.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receipt downloads as browsers and phones ask for them: with {@code Accept-Encoding: gzip},
 * in byte ranges to resume a large PDF, and with HEAD first. Whatever way it is fetched, the
 * file comes back with the SHA-256 the upload reported.
 */
class ReceiptDownloadTest {

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static ApiServer api;
    private static BrowserClient browser;
    private static String alex;
    private static String event;
    private static String item;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        browser = new BrowserClient(api.server.port());
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
        event = api.createEvent(alex, "Jane's wedding");
        item = api.expect(201, api.call(alex, "POST", "/api/v1/events/" + event + "/budget-items",
                "{\"category\": \"Flowers\", \"title\": \"Bouquets\"}")).path("id").asText();
    }

    @AfterAll
    static void stop() {
        browser.close();
        api.close();
    }

    /** Sizes around Javalin's compression threshold (1 500 bytes), a 40 KB scan and a few hundred KB. */
    @ParameterizedTest
    @ValueSource(ints = {1_400, 1_600, 40_000, 300_000})
    void aReceiptDownloadedWholeCompressedAndInTwoRangesHasTheSameSha256(int size) {
        try (BrowserClient phone = new BrowserClient(api.server.port())) {
            downloadedFourWays(phone, size);
        }
    }

    private static void downloadedFourWays(BrowserClient browser, int size) {
        byte[] pdf = SampleFiles.pdfOfSize(size);
        JsonNode receipt = uploaded(pdf);
        String sha256 = receipt.path("sha256").asText();
        assertEquals(sha256(pdf), sha256);
        String href = receipt.path("href").asText();

        // What every browser and OkHttp send; OkHttp unpacks a packed answer by itself.
        BrowserClient.Answer asked = browser.get(href, alex);
        assertEquals(200, asked.status());
        assertEquals(sha256, sha256(asked.body()));
        RawHttp.Answer onTheWire = RawHttp.exchange(api.server.port(), "GET " + href + " HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + alex + "\r\nAccept-Encoding: gzip, deflate, br\r\nConnection: close\r\n\r\n");
        assertEquals(200, onTheWire.status(), onTheWire.raw().substring(0, 400));
        byte[] wire = onTheWire.raw().substring(onTheWire.raw().indexOf("\r\n\r\n") + 4)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(Integer.toString(wire.length), onTheWire.header("Content-Length"), "the length is of what was sent");
        assertEquals(sha256, sha256("gzip".equals(onTheWire.header("Content-Encoding")) ? gunzip(wire) : wire));

        BrowserClient.Answer whole = browser.send(browser.request(href, alex).header("Accept-Encoding", "identity"));
        assertEquals(200, whole.status());
        assertEquals(Integer.toString(size), whole.header("Content-Length"));
        assertEquals("bytes", whole.header("Accept-Ranges"));
        assertEquals(sha256, sha256(whole.body()));

        int half = size / 2;
        BrowserClient.Answer first = browser.send(browser.request(href, alex).header("Range", "bytes=0-" + (half - 1)));
        BrowserClient.Answer second = browser.send(browser.request(href, alex).header("Range", "bytes=" + half + "-"));
        assertEquals(206, first.status());
        assertEquals(206, second.status());
        assertEquals("bytes 0-" + (half - 1) + "/" + size, first.header("Content-Range"));
        assertEquals("bytes " + half + "-" + (size - 1) + "/" + size, second.header("Content-Range"));
        assertEquals(Integer.toString(half), first.header("Content-Length"));
        assertEquals(Integer.toString(size - half), second.header("Content-Length"));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(first.body());
        joined.writeBytes(second.body());
        assertEquals(sha256, sha256(joined.toByteArray()));
        assertEquals(1, browser.connectionsOpened(), "all of it over one keep-alive connection");
    }

    @Test
    void aSuffixRangeAnOpenRangeAndARangeBeyondTheEndAreServedAsRfc9110Says() {
        byte[] pdf = SampleFiles.pdfOfSize(5_000);
        String href = uploaded(pdf).path("href").asText();

        BrowserClient.Answer tail = range(href, "bytes=-100");
        assertEquals(206, tail.status());
        assertEquals("bytes 4900-4999/5000", tail.header("Content-Range"));
        assertArrayEquals(java.util.Arrays.copyOfRange(pdf, 4900, 5000), tail.body());

        BrowserClient.Answer clipped = range(href, "bytes=4990-99999");
        assertEquals(206, clipped.status());
        assertEquals("bytes 4990-4999/5000", clipped.header("Content-Range"));

        BrowserClient.Answer resumed = range(href, "bytes=1000-");
        assertArrayEquals(java.util.Arrays.copyOfRange(pdf, 1000, 5000), resumed.body());
    }

    @Test
    void anUnsatisfiableRangeIs416WithTheLengthAndAMalformedOneIsIgnored() {
        String href = uploaded(SampleFiles.pdfOfSize(2_000)).path("href").asText();

        BrowserClient.Answer beyond = range(href, "bytes=2000-");
        assertEquals(416, beyond.status());
        assertEquals("bytes */2000", beyond.header("Content-Range"));
        assertEquals("range_not_satisfiable", beyond.json().path("error_code").asText());
        assertEquals(416, range(href, "bytes=-0").status());

        for (String ignored : new String[] {"bytes=abc", "lines=1-2", "bytes=5-1", "bytes=0-1,5-6", "bytes="}) {
            BrowserClient.Answer whole = range(href, ignored);
            assertEquals(200, whole.status(), ignored);
            assertEquals(2_000, whole.body().length, ignored);
        }
    }

    @Test
    void aRangeIsHonouredOnlyWhileIfRangeStillNamesTheFile() {
        byte[] pdf = SampleFiles.pdfOfSize(3_000);
        String href = uploaded(pdf).path("href").asText();
        String etag = browser.head(href, alex).header("ETag");
        assertEquals("\"" + sha256(pdf) + "\"", etag, "a strong validator: the file's digest");

        assertEquals(206, browser.send(browser.request(href, alex).header("Range", "bytes=10-").header("If-Range", etag)).status());
        BrowserClient.Answer changed = browser.send(browser.request(href, alex).header("Range", "bytes=10-")
                .header("If-Range", "\"something-else\""));
        assertEquals(200, changed.status());
        assertEquals(3_000, changed.body().length);
    }

    @Test
    void headTellsTheLengthTypeAndRangesWithoutTheBytes() {
        byte[] pdf = SampleFiles.pdfOfSize(40_000);
        String href = uploaded(pdf).path("href").asText();

        BrowserClient.Answer head = browser.head(href, alex);
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals("40000", head.header("Content-Length"));
        assertEquals("application/pdf", head.header("Content-Type"));
        assertEquals("bytes", head.header("Accept-Ranges"));
        assertTrue(head.header("Content-Disposition").startsWith("attachment; "));

        BrowserClient.Answer missing = browser.head("/api/v1/events/" + event + "/receipts/0b5e7a8c-2f0e-4c1a-9d7b-3e2f1a0c9d8e", alex);
        assertEquals(404, missing.status());
        assertEquals(401, browser.head(href, null).status());
        assertNull(missing.header("Accept-Ranges"));
    }

    @Test
    void aBrowsersLargeJsonAnswerIsPackedAndUnpacksToTheSameDocument() {
        for (int i = 0; i < 40; i++) {
            api.expect(201, api.call(alex, "POST", "/api/v1/events/" + event + "/tasks",
                    "{\"title\": \"Task number " + i + " with a long enough title to add up\"}"));
        }
        BrowserClient.Answer tasks = browser.get("/api/v1/events/" + event + "/tasks", alex);
        assertEquals(200, tasks.status());
        assertTrue(tasks.wasCompressed(), "over 1 500 bytes of JSON is sent packed");
        assertEquals(40, tasks.json().path("tasks").size());
        BrowserClient.Answer export = browser.get("/api/v1/events/" + event + "/export.json", alex);
        assertEquals(200, export.status());
        assertEquals(40, export.json().path("tasks").size());
    }

    // --- helpers ---

    private static JsonNode uploaded(byte[] pdf) {
        return api.expect(201, api.upload(alex, "/api/v1/events/" + event + "/budget-items/" + item + "/receipts",
                new Multipart().file("Rechnung.pdf", "application/pdf", pdf))).path("receipts").get(0);
    }

    private static BrowserClient.Answer range(String href, String range) {
        Request.Builder request = browser.request(href, alex).header("Range", range);
        return browser.send(request);
    }

    private static byte[] gunzip(byte[] packed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
