package eu.heapzilla.eventa.adapters.http;

import static eu.heapzilla.eventa.adapters.http.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.heapzilla.eventa.adapters.postgres.FreshDatabase;
import eu.heapzilla.eventa.domain.budget.Receipt;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Receipt uploads over real HTTP against a real PostgreSQL: multipart parsing, types decided
 * from bytes, size limits that hold without the server holding the file, all-or-nothing, and
 * who may do what.
 */
class ReceiptApiTest {

    private static final long MIB = 1024 * 1024;
    /** A second server with a tiny file limit, to try the edges of the limit cheaply. */
    private static final long SMALL_LIMIT = 100_000;

    @RegisterExtension
    static final FreshDatabase database = new FreshDatabase();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ApiServer api;
    private static HttpServer small;
    private static String alex;

    @BeforeAll
    static void start() {
        api = new ApiServer(database.persistence());
        small = new HttpServer(new HttpSettings("127.0.0.1", 0, 64 * 1024, false, ApiServer.GENEROUS, SMALL_LIMIT),
                TestPorts.inPorts(database.persistence())).start();
        alex = api.signIn(ApiServer.uniqueEmail("alex"));
    }

    @AfterAll
    static void stop() {
        api.close();
        small.close();
    }

    // --- what is kept, and how it comes back ---

    @Test
    void aPdfComesBackByteForByteWithItsDigestSizeAndType() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        byte[] pdf = SampleFiles.pdf();

        JsonNode receipt = single(api.expect(201, upload(alex, event, item,
                new Multipart().file("Rechnung.pdf", "application/pdf", pdf))));
        assertEquals("Rechnung.pdf", receipt.path("file_name").asText());
        assertEquals("application/pdf", receipt.path("media_type").asText());
        assertEquals(pdf.length, receipt.path("size_bytes").asLong());
        assertEquals(sha256(pdf), receipt.path("sha256").asText());
        assertEquals(item, receipt.path("budget_item_id").asText());
        assertEquals(api.userId(alex), receipt.path("created_by").asText());
        assertEquals("/api/v1/events/" + event + "/receipts/" + receipt.path("id").asText(), receipt.path("href").asText());

        HttpResponse<byte[]> download = download(alex, receipt.path("href").asText());
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf, download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(Long.toString(pdf.length), download.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void aHostileFileNameIsCleanedAndTheDownloadHeaderCannotBeBrokenOutOf() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        JsonNode receipts = api.expect(201, upload(alex, event, item, new Multipart()
                .file("Rechnung \"Blumen\" ü/..\\x.pdf", "application/pdf", SampleFiles.pdf())
                .file("Rechnung \"Blumen\"; Grüße ü.pdf", "application/pdf", SampleFiles.pdf())))
                .path("receipts");

        assertEquals("x.pdf", receipts.get(0).path("file_name").asText(), "no directory part survives");
        String name = receipts.get(1).path("file_name").asText();
        assertEquals("Rechnung Blumen; Grüße ü.pdf", name, "quotes go, the rest of the name stays");
        for (JsonNode receipt : receipts) {
            String disposition = download(alex, receipt.path("href").asText()).headers()
                    .firstValue("Content-Disposition").orElseThrow();
            String ascii = between(disposition, "filename=\"", "\"");
            assertTrue(ascii.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';'),
                    disposition);
            assertFalse(disposition.contains("\r") || disposition.contains("\n"), disposition);
            assertTrue(disposition.startsWith("attachment; "), disposition);
            String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
            assertTrue(encoded.chars().noneMatch(c -> c == '"' || c == ';' || c == ' ' || c == '/' || c == '\\'), disposition);
            assertEquals(receipt.path("file_name").asText(), percentDecode(encoded), disposition);
        }
        assertEquals("Rechnung Blumen_ Gr__e _.pdf", between(download(alex, receipts.get(1).path("href").asText())
                .headers().firstValue("Content-Disposition").orElseThrow(), "filename=\"", "\""));
    }

    @Test
    void severalFilesInOneRequestAreAllKeptAndListedWithTheirItem() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        byte[] png = SampleFiles.png();
        byte[] jpeg = SampleFiles.jpeg();

        JsonNode receipts = api.expect(201, upload(alex, event, item, new Multipart()
                .file("receipts", "table plan.png", "image/png", png)
                .file("receipts", "bouquet.jpg", "image/jpeg", jpeg))).path("receipts");
        assertEquals(2, receipts.size(), receipts.toString());
        assertEquals("image/png", receipts.get(0).path("media_type").asText());
        assertEquals("image/jpeg", receipts.get(1).path("media_type").asText());
        assertArrayEquals(png, download(alex, receipts.get(0).path("href").asText()).body());
        assertArrayEquals(jpeg, download(alex, receipts.get(1).path("href").asText()).body());

        JsonNode listed = api.expect(200, api.get(alex, itemPath(event, item))).path("receipts");
        assertEquals(Set.of(receipts.get(0).path("id").asText(), receipts.get(1).path("id").asText()),
                Set.copyOf(ids(listed)), listed.toString());
        assertEquals(2, listed.size());
        assertEquals(2, receiptRows(item));
    }

    static Stream<Arguments> everyReceiptType() {
        return Stream.of(
                Arguments.of("pdf", SampleFiles.pdf(), "application/pdf"),
                Arguments.of("png", SampleFiles.png(), "image/png"),
                Arguments.of("jpeg", SampleFiles.jpeg(), "image/jpeg"),
                Arguments.of("webp", SampleFiles.webp(), "image/webp"),
                Arguments.of("heic", SampleFiles.heic(), "image/heic"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyReceiptType")
    void everyReceiptTypeIsRecognisedFromItsBytesAloneWhateverTheUploaderClaims(String kind, byte[] bytes, String type) {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        JsonNode receipt = single(api.expect(201, upload(alex, event, item,
                new Multipart().file("scan.txt", "text/plain", bytes))));
        assertEquals(type, receipt.path("media_type").asText(), kind);
        HttpResponse<byte[]> download = download(alex, receipt.path("href").asText());
        assertEquals(type, download.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(bytes, download.body());
    }

    // --- what is refused, and that a refusal keeps nothing ---

    static Stream<Arguments> notReceipts() {
        return Stream.of(
                Arguments.of("windows executable", SampleFiles.windowsExecutable()),
                Arguments.of("linux executable", SampleFiles.linuxExecutable()),
                Arguments.of("plain text", "Rechnung: 120 EUR\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notReceipts")
    void aFileThatIsNoReceiptIsRefusedWhateverItIsCalledAndNothingIsKept(String kind, byte[] bytes) {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        long blobs = blobRows();

        JsonNode error = assertError(upload(alex, event, item, new Multipart().file("photo.jpg", "image/jpeg", bytes)),
                415, "unsupported_media_type");
        assertEquals(List.of("image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"),
                texts(error.path("info").path("allowed")), error.toString());
        assertEquals(0, api.expect(200, api.get(alex, itemPath(event, item))).path("receipts").size(), kind);
        assertEquals(0, receiptRows(item));
        assertEquals(blobs, blobRows());
        assertSpoolEmpty(api.server);
    }

    @Test
    void oneBadFileAmongGoodOnesRefusesTheWholeUpload() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        long blobs = blobRows();

        assertError(upload(alex, event, item, new Multipart()
                .file("bouquet.png", "image/png", SampleFiles.png())
                .file("invoice.pdf", "application/pdf", SampleFiles.linuxExecutable())), 415, "unsupported_media_type");
        assertEquals(0, receiptRows(item));
        assertEquals(blobs, blobRows());
        assertEquals(0, api.expect(200, api.get(alex, itemPath(event, item))).path("receipts").size());
    }

    @Test
    void a11MibFileIs413NothingIsKeptAndTheServerNeverHeldIt() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        long length = 11 * MIB;
        // A server of its own, so that its buffer pool starts empty: a part held in memory would
        // have to grow it, in direct buffers that no thread's heap allocation shows.
        try (HttpServer fresh = new HttpServer(new HttpSettings("127.0.0.1", 0, 64 * 1024, false, ApiServer.GENEROUS),
                TestPorts.inPorts(database.persistence())).start()) {
            api.expect(201, send(fresh, alex, uploadPath(event, newItem(alex, event)),
                    new Multipart().file("warm-up.pdf", "application/pdf", SampleFiles.pdf(200 * 1024))));
            long blobs = blobRows();
            long heapBefore = serverThreadsAllocated();
            long directBefore = directMemoryUsed();
            long[] directDuring = {0};

            // Just short of the limit the client pauses: the server has then received ~10 MiB of the part.
            HttpResponse<String> response = send(fresh, alex, uploadPath(event, item), new Multipart().file("huge.pdf",
                    "application/pdf", length, () -> new PausingInputStream(SampleFiles.generatedPdf(length),
                            HttpSettings.DEFAULT_FILE_MAX_BYTES - 128 * 1024, () -> {
                                pause(Duration.ofMillis(500));
                                directDuring[0] = directMemoryUsed();
                            })));
            pause(Duration.ofMillis(200)); // let the server thread finish with the request
            long heap = serverThreadsAllocated() - heapBefore;
            long direct = Math.max(directDuring[0], directMemoryUsed()) - directBefore;

            JsonNode error = assertError(response, 413, "too_large");
            assertEquals("close", response.headers().firstValue("Connection").orElse(""));
            assertEquals(HttpSettings.DEFAULT_FILE_MAX_BYTES, error.path("info").path("limit_bytes").asLong(), error.toString());
            assertEquals(0, receiptRows(item));
            assertEquals(blobs, blobRows());
            assertSpoolEmpty(fresh);
            // Had the server held the part in memory, it would have taken at least 10 MiB.
            assertTrue(heap + direct < 4 * MIB, "while 11 MiB arrived the server allocated " + heap
                    + " bytes of heap and " + direct + " bytes of direct buffers");
        }
    }

    @Test
    void aLargeFileIsSpooledToDiskWhileItArrivesAndTheSpoolIsEmptyAfterwards() throws Exception {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        long length = 6 * MIB;
        Path spool = api.server.uploadSpool();
        boolean[] spooled = {false};

        HttpResponse<String> response = upload(alex, event, item, new Multipart().file("scan.pdf", "application/pdf",
                length, () -> new PausingInputStream(SampleFiles.generatedPdf(length), 3 * MIB,
                        () -> spooled[0] = waitForAFileIn(spool))));

        JsonNode receipt = single(api.expect(201, response));
        assertTrue(spooled[0], "half-way through the upload, the part was being written to " + spool);
        assertSpoolEmpty(api.server);
        assertEquals(length, receipt.path("size_bytes").asLong());
        try (InputStream same = SampleFiles.generatedPdf(length)) {
            assertEquals(sha256(same.readAllBytes()), receipt.path("sha256").asText());
        }
        assertEquals(length, download(alex, receipt.path("href").asText()).body().length);
    }

    @Test
    void aFileOfExactlyTheLimitIsKeptAndOneByteMoreIsNot() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        byte[] exact = SampleFiles.pdfOfSize((int) SMALL_LIMIT);
        byte[] over = SampleFiles.pdfOfSize((int) SMALL_LIMIT + 1);
        assertEquals(SMALL_LIMIT, exact.length);
        assertEquals(SMALL_LIMIT + 1, over.length);

        JsonNode kept = single(api.expect(201, send(small, alex, uploadPath(event, item),
                new Multipart().file("exact.pdf", "application/pdf", exact))));
        assertEquals(SMALL_LIMIT, kept.path("size_bytes").asLong());

        JsonNode error = assertError(send(small, alex, uploadPath(event, item),
                new Multipart().file("over.pdf", "application/pdf", over)), 413, "too_large");
        assertEquals(SMALL_LIMIT, error.path("info").path("limit_bytes").asLong());
        assertEquals(1, receiptRows(item));
        assertSpoolEmpty(small);
    }

    @Test
    void aClientStillStreamingAFileOverTheLimitReadsThe413() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        long length = SMALL_LIMIT + 3 * 1024 * 1024; // megabytes still in flight when the parser gives up
        for (int i = 0; i < 8; i++) {
            Multipart big = new Multipart().file("scan.pdf", "application/pdf", length, () -> SampleFiles.generatedPdf(length));
            HttpResponse<String> refused = exchange(request(small, alex, uploadPath(event, item))
                    .header("Content-Type", big.contentType()).POST(big.chunkedPublisher()), HttpResponse.BodyHandlers.ofString());
            assertError(refused, 413, "too_large");
        }
        assertEquals(0, receiptRows(item));
    }

    @Test
    void aBodyOverTheUploadLimitIsRefusedWhetherItDeclaresItsLengthOrNot() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        long uploadLimit = Receipt.MAX_PER_ITEM * SMALL_LIMIT + HttpSettings.UPLOAD_OVERHEAD_BYTES;
        Multipart many = new Multipart();
        for (int i = 0; i < 25; i++) { // each file under the limit, all of them well over the body limit
            many.file("scan-" + i + ".pdf", "application/pdf", SampleFiles.pdfOfSize((int) SMALL_LIMIT - 1000));
        }
        assertTrue(many.length() > uploadLimit);

        // The server answers from the declared length alone, before a byte of the body: a client that waits for
        // "100 Continue" hears it at once (one that sends on regardless may find the connection closed under it).
        String early = headersOnly(small, alex, uploadPath(event, item), many.contentType(), many.length());
        assertTrue(early.startsWith("HTTP/1.1 413 "), early);
        JsonNode declared = TestClient.json(early.substring(early.indexOf("\r\n\r\n") + 4));
        assertEquals("too_large", declared.path("error_code").asText(), early);
        assertTrue(declared.path("detail").asText().contains(Long.toString(uploadLimit)), declared.toString());

        HttpResponse<String> chunked = exchange(request(small, alex, uploadPath(event, item))
                .header("Content-Type", many.contentType()).POST(many.chunkedPublisher()), HttpResponse.BodyHandlers.ofString());
        JsonNode streamed = assertError(chunked, 413, "too_large");
        assertEquals(uploadLimit, streamed.path("info").path("limit_bytes").asLong(), streamed.toString());
        assertEquals(0, receiptRows(item));
        assertSpoolEmpty(small);
    }

    @Test
    void onlyTheUploadRouteMayCarryMoreThanTheJsonBodyLimit() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        byte[] pdf = SampleFiles.pdf(200 * 1024); // more than the server's 64 KiB body limit

        api.expect(201, upload(alex, event, item, new Multipart().file("big.pdf", "application/pdf", pdf)));
        String json = "{\"title\": \"" + "x".repeat(100) + "\", \"notes\": \"" + "y".repeat(100 * 1024) + "\"}";
        assertError(api.call(alex, "POST", "/api/v1/events", json), 413, "too_large");
    }

    @Test
    void theEleventhReceiptOfAnItemIsRefused() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        Multipart ten = new Multipart();
        for (int i = 0; i < 10; i++) {
            ten.file("receipt-" + i + ".png", "image/png", SampleFiles.png());
        }
        assertEquals(10, api.expect(201, upload(alex, event, item, ten)).path("receipts").size());
        long blobs = blobRows();

        JsonNode error = assertError(upload(alex, event, item, new Multipart().file("one more.png", "image/png",
                SampleFiles.png())), 409, "limit_reached");
        assertEquals(10, error.path("info").path("limit").asInt(), error.toString());
        assertEquals(10, receiptRows(item));
        assertEquals(blobs, blobRows());

        String other = newItem(alex, event);
        Multipart eleven = new Multipart();
        for (int i = 0; i < 11; i++) {
            eleven.file("receipt-" + i + ".png", "image/png", SampleFiles.png());
        }
        assertError(upload(alex, event, other, eleven), 409, "limit_reached");
        assertEquals(0, receiptRows(other));
        assertEquals(blobs, blobRows());
    }

    @Test
    void anUploadOfMorePartsThanJettyParsesIsRefusedWhileParsing() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        Multipart many = new Multipart();
        for (int i = 0; i <= ReceiptUploads.MAX_PARTS; i++) {
            many.file("receipt-" + i + ".png", "image/png", SampleFiles.png());
        }
        JsonNode error = assertError(upload(alex, event, item, many), 409, "limit_reached");
        assertEquals(10, error.path("info").path("limit").asInt(), error.toString());
        assertEquals(0, receiptRows(item));
        assertSpoolEmpty(api.server);
    }

    @Test
    void aBodyThatIsNotMultipartOrCarriesNoFileIsAClearClientError() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        String path = uploadPath(event, item);

        JsonNode json = assertError(api.call(alex, "POST", path, "{\"file\": \"aGVsbG8=\"}"), 415, "unsupported_media_type");
        assertEquals(List.of("multipart/form-data"), texts(json.path("info").path("allowed")));
        assertError(api.call(alex, "POST", path, null), 415, "unsupported_media_type");
        assertError(raw(alex, path, "multipart/form-data", "--x\r\n\r\nhello\r\n--x--\r\n"), 400, "validation_error");
        HttpResponse<String> garbled = raw(alex, path, "multipart/form-data; boundary=x", "this is no multipart body");
        assertError(garbled, 400, "validation_error");
        assertEquals("close", garbled.headers().firstValue("Connection").orElse(""),
                "the server closes the connection after a failed parse, and says so");

        JsonNode none = assertError(send(api.server, alex, path, new Multipart()), 400, "validation_error");
        assertEquals("files", none.path("info").path("field").asText(), none.toString());
        JsonNode field = assertError(upload(alex, event, item, new Multipart().field("note", "the florist's bill")
                .file("bill.pdf", "application/pdf", SampleFiles.pdf())), 400, "validation_error");
        assertEquals("note", field.path("info").path("field").asText(), field.toString());
        JsonNode empty = assertError(upload(alex, event, item, new Multipart().file("empty.pdf", "application/pdf",
                new byte[0])), 400, "validation_error");
        assertEquals("files", empty.path("info").path("field").asText(), empty.toString());
        assertEquals(0, receiptRows(item));
        assertSpoolEmpty(api.server);
    }

    // --- who may do what ---

    @Test
    void onlyEditorsOfTheEventMayUploadAndOthersAreToldAsLittleAsPossible() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        String editor = api.join(alex, event, ApiServer.uniqueEmail("eddie"), "editor");
        String viewer = api.join(alex, event, ApiServer.uniqueEmail("vera"), "viewer");
        String stranger = api.signIn(ApiServer.uniqueEmail("stranger"));
        Multipart png = new Multipart().file("bill.png", "image/png", SampleFiles.png());

        assertError(upload(null, event, item, png), 401, "auth_error");
        assertError(upload(stranger, event, item, png), 404, "not_found");
        assertError(upload(viewer, event, item, png), 403, "forbidden");
        assertError(api.call(viewer, "POST", uploadPath(event, item), "{}"), 403, "forbidden"); // before the body is looked at
        assertError(api.call(stranger, "POST", uploadPath(event, item), "{}"), 404, "not_found");
        assertError(upload(editor, event, UUID.randomUUID().toString(), png), 404, "not_found");
        assertError(upload(editor, event, "not-an-id", png), 404, "not_found");
        assertEquals(0, receiptRows(item));

        JsonNode receipt = single(api.expect(201, upload(editor, event, item, png)));
        assertEquals(200, download(viewer, receipt.path("href").asText()).statusCode(), "viewers read receipts");
        assertEquals(404, download(stranger, receipt.path("href").asText()).statusCode());
        assertEquals(401, download(null, receipt.path("href").asText()).statusCode());
        assertError(api.call(viewer, "DELETE", receipt.path("href").asText(), null), 403, "forbidden");
    }

    @Test
    void aReceiptIsOnlyReachableThroughItsOwnEvent() {
        String wedding = api.createEvent(alex, "Jane's wedding");
        String party = api.createEvent(alex, "After-party");
        JsonNode receipt = single(api.expect(201, upload(alex, wedding, newItem(alex, wedding),
                new Multipart().file("bill.pdf", "application/pdf", SampleFiles.pdf()))));
        String throughParty = "/api/v1/events/" + party + "/receipts/" + receipt.path("id").asText();

        assertEquals(404, download(alex, throughParty).statusCode());
        assertError(api.call(alex, "DELETE", throughParty, null), 404, "not_found");
        assertEquals(200, download(alex, receipt.path("href").asText()).statusCode(), "still there");
        String partyItem = newItem(alex, party);
        String weddingItem = receipt.path("budget_item_id").asText();
        assertError(upload(alex, party, weddingItem, new Multipart().file("bill.pdf", "application/pdf",
                SampleFiles.pdf())), 404, "not_found");
        assertEquals(0, receiptRows(partyItem));
    }

    @Test
    void deletingAReceiptRemovesItsBytesAndASecondDeleteFindsNothing() {
        String event = api.createEvent(alex, "Jane's wedding");
        String item = newItem(alex, event);
        JsonNode receipt = single(api.expect(201, upload(alex, event, item,
                new Multipart().file("bill.pdf", "application/pdf", SampleFiles.pdf(300 * 1024)))));
        String id = receipt.path("id").asText();
        String href = receipt.path("href").asText();
        assertEquals(1, count("SELECT count(*) FROM blobs WHERE id = ?::uuid", id));
        assertTrue(count("SELECT count(*) FROM blob_chunks WHERE blob_id = ?::uuid", id) > 1, "a 300 KiB file is chunked");

        assertEquals(204, api.call(alex, "DELETE", href, null).statusCode());
        assertEquals(0, count("SELECT count(*) FROM receipts WHERE id = ?::uuid", id));
        assertEquals(0, count("SELECT count(*) FROM blobs WHERE id = ?::uuid", id));
        assertEquals(0, count("SELECT count(*) FROM blob_chunks WHERE blob_id = ?::uuid", id));
        assertEquals(404, download(alex, href).statusCode());
        assertError(api.call(alex, "DELETE", href, null), 404, "not_found");
        assertEquals(0, api.expect(200, api.get(alex, itemPath(event, item))).path("receipts").size());
    }

    // --- helpers ---

    private static String newItem(String bearer, String event) {
        return api.expect(201, api.call(bearer, "POST", "/api/v1/events/" + event + "/budget-items",
                "{\"category\": \"Flowers\", \"title\": \"Bouquets\"}")).path("id").asText();
    }

    private static String itemPath(String event, String item) {
        return "/api/v1/events/" + event + "/budget-items/" + item;
    }

    private static String uploadPath(String event, String item) {
        return itemPath(event, item) + "/receipts";
    }

    private static HttpResponse<String> upload(String bearer, String event, String item, Multipart body) {
        return send(api.server, bearer, uploadPath(event, item), body);
    }

    /** Streams {@code body} to {@code server}: the client never holds it whole. */
    private static HttpResponse<String> send(HttpServer server, String bearer, String path, Multipart body) {
        HttpRequest.Builder request = request(server, bearer, path).header("Content-Type", body.contentType())
                .POST(body.publisher());
        return exchange(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> raw(String bearer, String path, String contentType, String body) {
        return exchange(request(api.server, bearer, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> download(String bearer, String path) {
        return exchange(request(api.server, bearer, path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends only the head of a POST that declares {@code length} bytes and expects "100 Continue"; returns the answer. */
    private static String headersOnly(HttpServer server, String bearer, String path, String contentType, long length) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + bearer
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder request(HttpServer server, String bearer, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return OpenApiContract.assertDocumented(http.send(request.build(), handler));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode single(JsonNode created) {
        JsonNode receipts = created.path("receipts");
        assertEquals(1, receipts.size(), created.toString());
        return receipts.get(0);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static long receiptRows(String item) {
        return count("SELECT count(*) FROM receipts WHERE budget_item_id = ?::uuid", item);
    }

    private static long blobRows() {
        return count("SELECT count(*) FROM blobs");
    }

    private static long count(String sql, String... parameters) {
        try (Connection connection = database.persistence().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the Jetty request threads of every server in this JVM have allocated so far. */
    private static long serverThreadsAllocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("JettyServerThreadPool")) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(thread.getThreadId()));
            }
        }
        return sum;
    }

    /** What the JVM holds in direct (off-heap) buffers, such as Jetty's network buffers. */
    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A stream that runs {@code atPause} once, before it yields byte {@code at}; a client body that stops for a look. */
    private static final class PausingInputStream extends FilterInputStream {

        private final long at;
        private final Runnable atPause;
        private long position;
        private boolean paused;

        PausingInputStream(InputStream in, long at, Runnable atPause) {
            super(in);
            this.at = at;
            this.atPause = atPause;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (!paused && position >= at) {
                paused = true;
                atPause.run();
            }
            int n = super.read(buffer, offset, paused ? count : (int) Math.min(count, at - position));
            position += Math.max(n, 0);
            return n;
        }
    }

    private static void assertSpoolEmpty(HttpServer server) {
        try (Stream<Path> left = Files.list(server.uploadSpool())) {
            assertEquals(List.of(), left.toList(), "files left behind in the upload spool");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean waitForAFileIn(Path directory) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(directory)) {
                if (files.findAny().isPresent()) {
                    return true;
                }
                Thread.sleep(10);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, text);
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /** RFC 3986 percent-decoding ({@code +} stays {@code +}), as UTF-8. */
    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
