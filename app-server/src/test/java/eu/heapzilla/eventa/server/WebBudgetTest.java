package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The budget page and an item's page in a real browser: adding items with amounts typed as people
 * type them, the totals against the planned budget, editing (also against someone else's save),
 * refusals that keep the typed values and save nothing, receipts uploaded from the page and
 * fetched back byte for byte (with the gzip a browser asks for), refused file types, deleting,
 * what a viewer sees, a phone's width and German amounts.
 */
class WebBudgetTest extends BrowserTests {

    /** One desktop browser, signed in once, for the tests that need no other. */
    static Browser browser;
    static String bearer;

    @BeforeAll
    static void start() {
        browser = Browser.open(server);
        browser.signIn("bea@example.org");
        bearer = browser.cookie("eventa_session").getValue();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void itemsAddUpAgainstThePlannedBudgetAndEditsAndRefusalsBehave() throws Exception {
        String event = createEventWithBudget(browser, "Bea & Ben", "30,000");

        browser.go("/events/" + event + "/budget");
        assertTrue(browser.text("#budget-items").contains("No budget items yet."), browser.pageText());
        assertEquals("€30,000.00", browser.text("[data-testid=planned]"));

        addItem(browser, Map.of("category", "Venue", "title", "Castle hall", "vendor", "Schloss Hof",
                "estimated", "25,000", "paid", "5,000", "due_on", "2027-03-01", "notes", "Deposit paid in May"));
        assertTrue(browser.text(".notice").contains("Added \u201cCastle hall\u201d."), browser.pageText());
        addItem(browser, Map.of("category", "Flowers", "title", "Bouquets", "estimated", "1250.50", "actual", "1,400"));
        addItem(browser, Map.of("category", "Venue", "title", "Chairs", "estimated", "800"));

        assertEquals("€27,200.00", browser.text("[data-testid=expected]"));
        assertEquals("€1,400.00", browser.text("[data-testid=actual]"));
        assertEquals("€5,000.00", browser.text("[data-testid=paid]"));
        assertEquals("€22,200.00", browser.text("[data-testid=still-to-pay]"));
        assertEquals("€2,800.00", browser.text("[data-testid=remaining]"));
        assertEquals(List.of("Flowers 1 €1,250.50 €1,400.00 €0.00", "Venue 2 €25,800.00 €25,800.00 €5,000.00",
                "All categories 3 €27,050.50 €27,200.00 €5,000.00"), rows(browser));
        String groups = browser.text("#budget-items");
        assertTrue(groups.indexOf("Flowers") < groups.indexOf("Bouquets") && groups.indexOf("Bouquets") < groups.indexOf("Venue")
                && groups.indexOf("Venue") < groups.indexOf("Castle hall"), groups);
        assertTrue(groups.contains("Schloss Hof") && groups.contains("Deposit paid in May") && groups.contains("1 Mar 2027"), groups);
        JsonNode summary = server.api().call("GET", "/api/v1/events/" + event + "/budget/summary", null, bearer, 200);
        assertEquals(2_720_000, summary.path("overall").path("expected_cents").asLong());
        assertEquals(280_000, summary.path("remaining_cents").asLong());
        assertEquals(List.of(), browser.accessibilityProblems());
        assertEquals(List.of("Flowers", "Venue"), browser.all("#category-options option").stream()
                .map(o -> o.getAttribute("value")).toList(), "the categories in use are offered");

        // Keyboard: from the last field of the form, TAB reaches its button.
        browser.find("#notes").sendKeys(Keys.TAB);
        assertEquals("Add the item", browser.driver.switchTo().activeElement().getText());

        // A negative and a garbage amount: the page says why, keeps what was typed, and saves nothing.
        addItem(browser, Map.of("category", "Music", "title", "Band", "estimated", "-500"));
        assertTrue(browser.text(".alert").contains("Estimated must be an amount such as 1250 or 1250.50"), browser.pageText());
        assertEquals("Band", browser.find("#title").getAttribute("value"));
        assertEquals("Music", browser.find("#category").getAttribute("value"));
        assertEquals("-500", browser.find("#estimated").getAttribute("value"));
        addItem(browser, Map.of("category", "Music", "title", "Band", "estimated", "lots"));
        assertEquals("lots", browser.find("#estimated").getAttribute("value"));
        assertTrue(browser.text(".alert").contains("Estimated must be an amount"), browser.pageText());
        assertEquals(3, items(event, bearer).size());

        // Editing an item: its page, a changed amount, the totals follow.
        String bouquets = itemId(event, bearer, "Bouquets");
        browser.go("/events/" + event + "/budget");
        browser.press("#budget-items", "Bouquets");
        browser.await("the item's page", () -> browser.path().equals("/events/" + event + "/budget/" + bouquets));
        assertEquals("1400.00", browser.find("#actual").getAttribute("value"));
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.type("#actual", "1,500");
        browser.type("#paid", "300");
        browser.press("#budget-item", "Save");
        browser.await("the saved item", () -> browser.pageText().contains("Saved."));
        assertEquals("1500.00", browser.find("#actual").getAttribute("value"));
        JsonNode saved = item(event, bearer, bouquets);
        assertEquals(150_000, saved.path("actual_cents").asLong());
        assertEquals(30_000, saved.path("paid_cents").asLong());

        // A garbage amount on the edit form: refused, typed values kept, nothing saved.
        browser.type("#paid", "a fistful");
        browser.type("#vendor", "Blumen Maier");
        browser.press("#budget-item", "Save");
        browser.await("the refusal", () -> !browser.all(".alert").isEmpty());
        assertTrue(browser.text(".alert").contains("Paid so far must be an amount"), browser.pageText());
        assertEquals("a fistful", browser.find("#paid").getAttribute("value"));
        assertEquals("Blumen Maier", browser.find("#vendor").getAttribute("value"));
        assertEquals(30_000, item(event, bearer, bouquets).path("paid_cents").asLong());
        assertTrue(item(event, bearer, bouquets).path("vendor").isNull());

        // Someone else saves the same field meanwhile: the form shows both, nothing is overwritten.
        // The form being typed in is not replaced by the live refresh that the other save sets off.
        browser.go("/events/" + event + "/budget/" + bouquets);
        browser.await("the live connection", () -> "true".equals(browser.script("return document.body.dataset.liveConnected;")));
        browser.type("#vendor", "Blumen Maier");
        long version = item(event, bearer, bouquets).path("version").asLong();
        server.api().call("PATCH", "/api/v1/events/" + event + "/budget-items/" + bouquets,
                "{\"version\": " + version + ", \"vendor\": \"Fleur\"}", bearer, 200);
        browser.await("the live refresh", () -> browser.script("return document.body.dataset.refreshed;") != null);
        assertEquals("Blumen Maier", browser.find("#vendor").getAttribute("value"));
        browser.press("#budget-item", "Save");
        browser.await("the conflict panel", () -> !browser.all("#conflict").isEmpty());
        assertTrue(browser.text("#conflict").contains("Fleur") && browser.text("#conflict").contains("Blumen Maier"));
        assertEquals("Fleur", item(event, bearer, bouquets).path("vendor").asText());
        browser.press("#conflict", "Keep mine");
        browser.await("the saved item", () -> browser.pageText().contains("Saved."));
        assertEquals("Blumen Maier", item(event, bearer, bouquets).path("vendor").asText());

        // Over the plan: the page says so in words.
        String hall = itemId(event, bearer, "Castle hall");
        browser.go("/events/" + event + "/budget/" + hall);
        browser.type("#estimated", "29,000");
        browser.press("#budget-item", "Save");
        browser.await("the saved item", () -> browser.pageText().contains("Saved."));
        browser.go("/events/" + event + "/budget");
        assertEquals("€1,300.00", browser.text("[data-testid=over-budget]"));
        assertTrue(browser.text("#budget-summary").contains("Over budget by"));

        // Deleting an item asks first.
        String chairs = itemId(event, bearer, "Chairs");
        browser.go("/events/" + event + "/budget/" + chairs);
        browser.press("#budget-item", "Delete the item…");
        browser.await("the question before deleting", () -> browser.text("h1").contains("Delete \u201cChairs\u201d?"));
        assertEquals(3, items(event, bearer).size(), "the confirmation alone deletes nothing");
        browser.press("main", "Delete the item");
        browser.await("the budget", () -> browser.path().startsWith("/events/" + event + "/budget?"));
        assertTrue(browser.pageText().contains("\u201cChairs\u201d was deleted."), browser.pageText());
        assertFalse(browser.text("#budget-items").contains("Chairs"));
        assertEquals(2, items(event, bearer).size());
    }

    @Test
    void receiptsUploadedFromThePageComeBackWithTheSameBytesAndOnlyPhotosAndPdfsAreKept() throws Exception {
        Path png = dir.resolve("till-receipt.png");
        Files.write(png, png(200, 160, 7));
        Path pdf = dir.resolve("Rechnung März.pdf");
        Files.write(pdf, pdf(60_000));
        Path fake = dir.resolve("not-a-photo.png");
        Files.writeString(fake, "These are notes, not a photo.\n".repeat(20));
        Path small = dir.resolve("small.png");
        Files.write(small, png(20, 20, 3));
        assertTrue(Files.size(png) > 40_000 && Files.size(pdf) > 40_000);

        String event = createEventWithBudget(browser, "Rosa's party", "");
        browser.go("/events/" + event + "/budget");
        addItem(browser, Map.of("category", "Catering", "title", "Cake", "estimated", "400"));
        String cake = itemId(event, bearer, "Cake");
        browser.go("/events/" + event + "/budget/" + cake);
        assertTrue(browser.text("#receipts").contains("No receipts yet."));
        WebElement input = browser.find("form.upload input[type=file]");
        assertEquals("image/jpeg,image/png,image/webp,image/heic,application/pdf", input.getAttribute("accept"));
        assertEquals("multipart/form-data", browser.find("form.upload").getAttribute("enctype"));
        browser.script("arguments[0].focus();", input);
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertEquals("Attach", browser.driver.switchTo().activeElement().getText());

        // Nothing chosen: the page says so.
        browser.press("#receipts", "Attach");
        browser.await("the refusal", () -> !browser.all("#upload-error").isEmpty());
        assertEquals("Choose a file to attach first.", browser.text("#upload-error"));

        // Two files at once.
        browser.find("form.upload input[type=file]").sendKeys(png + "\n" + pdf);
        browser.press("#receipts", "Attach");
        browser.await("the attached receipts", () -> browser.pageText().contains("Attached 2 receipts."));
        JsonNode receipts = item(event, bearer, cake).path("receipts");
        assertEquals(2, receipts.size());
        assertEquals(List.of(), browser.accessibilityProblems());

        // The photo shows on the page; both come back from the browser's own fetch with the uploaded bytes.
        WebElement image = browser.find("#receipts img.receipt");
        browser.await("the photo to load", () -> (Boolean) browser.script(
                "return arguments[0].complete && arguments[0].naturalWidth === 200;", image));
        assertTrue(browser.text("#receipts").contains("till-receipt.png"), browser.text("#receipts"));
        WebElement pdfLink = browser.all("#receipts a").stream().filter(a -> a.getText().equals("Rechnung März.pdf"))
                .findFirst().orElseThrow(() -> new AssertionError(browser.text("#receipts")));
        assertEquals("_blank", pdfLink.getAttribute("target"));
        assertEquals("noopener", pdfLink.getAttribute("rel"));
        assertTrue(browser.text("#receipts").contains("PDF, " + kilobytes(pdf)), browser.text("#receipts"));

        Map<String, Object> shownPng = fetched(browser, image.getAttribute("src"));
        assertEquals(sha256(Files.readAllBytes(png)), shownPng.get("sha"), shownPng.toString());
        assertEquals("image/png", shownPng.get("type"));
        assertEquals("nosniff", shownPng.get("nosniff"));
        assertTrue(((String) shownPng.get("csp")).startsWith("sandbox"), shownPng.toString());
        assertEquals("inline; filename=\"till-receipt.png\"; filename*=UTF-8''till-receipt.png", shownPng.get("disposition"));

        Map<String, Object> shownPdf = fetched(browser, pdfLink.getAttribute("href"));
        assertEquals(sha256(Files.readAllBytes(pdf)), shownPdf.get("sha"), shownPdf.toString());
        assertEquals(null, shownPdf.get("encoding"), shownPdf.toString());
        // The same browser gets this server's pages gzipped: compression is on for it, the receipt is sent around it.
        Map<String, Object> page = fetched(browser, "/events/" + event + "/budget/" + cake);
        assertTrue(((Long) page.get("encoded")) < ((Long) page.get("decoded")), "pages are compressed: " + page);
        assertEquals("application/pdf", shownPdf.get("type"));
        assertEquals("inline; filename=\"Rechnung M_rz.pdf\"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf",
                shownPdf.get("disposition"));
        assertEquals(sha256(Files.readAllBytes(pdf)), receipts.findValues("sha256").stream().map(JsonNode::asText)
                .filter(sha -> !sha.equals(shownPng.get("sha"))).findFirst().orElseThrow());

        assertTrue(((String) shownPdf.get("csp")).startsWith("sandbox"), shownPdf.toString());
        // Opened as a page, the PDF goes to Chromium's viewer, not to a "blocked" page.
        browser.driver.get(pdfLink.getAttribute("href"));
        assertEquals("application/pdf", browser.script("return document.contentType;"));
        browser.go("/events/" + event + "/budget/" + cake);

        // A text file called .png is refused, and with it the good photo sent alongside: nothing is kept.
        browser.find("form.upload input[type=file]").sendKeys(small + "\n" + fake);
        browser.press("#receipts", "Attach");
        browser.await("the refusal", () -> !browser.all("#upload-error").isEmpty());
        assertTrue(browser.text("#upload-error").contains("Only photos (JPEG, PNG, WebP, HEIC) and PDFs can be attached"),
                browser.text("#upload-error"));
        assertTrue(browser.text("#upload-error").contains("not-a-photo.png"));
        assertEquals(2, item(event, bearer, cake).path("receipts").size());
        assertEquals(List.of(), browser.accessibilityProblems());

        // Deleting a receipt asks first.
        browser.go("/events/" + event + "/budget/" + cake);
        String tillReceipt = receipts.findParents("file_name").stream()
                .filter(r -> r.path("file_name").asText().equals("till-receipt.png")).findFirst().orElseThrow().path("id").asText();
        WebElement delete = browser.find("#receipt-" + tillReceipt + " a[href$='/delete']");
        assertEquals("Delete till-receipt.png", delete.getAttribute("textContent").strip(), "named for a screen reader");
        delete.click();
        assertTrue(browser.text("h1").contains("Delete \u201ctill-receipt.png\u201d?"), browser.pageText());
        assertEquals(2, item(event, bearer, cake).path("receipts").size());
        browser.press("main", "Delete the receipt");
        browser.await("the item's page", () -> browser.path().startsWith("/events/" + event + "/budget/" + cake));
        assertTrue(browser.pageText().contains("\u201ctill-receipt.png\u201d was deleted."), browser.pageText());
        assertTrue(browser.all("#receipts img.receipt").isEmpty());
        assertEquals(1, item(event, bearer, cake).path("receipts").size());

        // The budget lists the remaining receipt under its item.
        browser.go("/events/" + event + "/budget");
        assertTrue(browser.text("#item-" + cake).contains("Rechnung März.pdf PDF, " + kilobytes(pdf)), browser.text("#item-" + cake));
    }

    @Test
    void aPhoneSizedPhotoIsKeptAndAFileOverTheLimitIsRefusedWithAPage() throws Exception {
        Path photo = dir.resolve("phone-photo.png");
        Files.write(photo, png(720, 720, 11));
        assertTrue(Files.size(photo) > 1024 * 1024, "larger than a form may be: " + Files.size(photo));
        Path huge = dir.resolve("huge.pdf");
        byte[] bytes = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        Files.write(huge, bytes);

        String event = createEventWithBudget(browser, "Paul's wedding", "");
        browser.go("/events/" + event + "/budget");
        addItem(browser, Map.of("category", "Photos", "title", "Photographer", "estimated", "2000"));
        String item = itemId(event, bearer, "Photographer");

        browser.go("/events/" + event + "/budget/" + item);
        browser.find("form.upload input[type=file]").sendKeys(photo.toString());
        browser.press("#receipts", "Attach");
        browser.await("the attached photo", () -> browser.pageText().contains("Attached \u201cphone-photo.png\u201d."));
        WebElement image = browser.find("#receipts img.receipt");
        assertEquals(sha256(Files.readAllBytes(photo)), fetched(browser, image.getAttribute("src")).get("sha"));

        browser.find("form.upload input[type=file]").sendKeys(huge.toString());
        browser.press("#receipts", "Attach");
        browser.await("the refusal", () -> browser.pageText().contains("That file is too large"));
        assertTrue(browser.pageText().contains("A receipt can be at most 10 MiB"), browser.pageText());
        assertEquals(1, item(event, bearer, item).path("receipts").size());
    }

    @Test
    void aViewerReadsTheBudgetWithoutFormsAndCannotAttach() throws Exception {
        try (Browser viewer = Browser.open(server)) {
            Browser owner = browser;
            String event = createEventWithBudget(owner, "Olga's jubilee", "5000");
            owner.go("/events/" + event + "/budget");
            addItem(owner, Map.of("category", "Food", "title", "Buffet", "estimated", "1200"));
            String buffet = itemId(event, bearer, "Buffet");

            viewer.signIn("vic@example.org");
            Instant asked = Instant.now();
            server.api().call("POST", "/api/v1/events/" + event + "/invites",
                    "{\"email\": \"vic@example.org\", \"role\": \"viewer\"}", bearer, 201);
            viewer.driver.get(server.linkMailedTo("vic@example.org", "invite", asked));
            viewer.press("main", "Join the event");
            viewer.await("the event", () -> viewer.path().startsWith("/events/" + event));

            viewer.go("/events/" + event + "/budget");
            assertTrue(viewer.text("#budget-items").contains("Buffet"));
            assertEquals("€1,200.00", viewer.text("[data-testid=expected]"));
            assertTrue(viewer.all("form[action$='/budget']").isEmpty(), "no add form for a viewer");
            assertTrue(viewer.pageText().contains("You can read the budget"));
            viewer.go("/events/" + event + "/budget/" + buffet);
            assertTrue(viewer.all("form.upload").isEmpty(), "no upload form for a viewer");
            assertTrue(viewer.all("#budget-item button").isEmpty(), "no save button for a viewer");
            assertEquals("true", viewer.find("#estimated").getAttribute("disabled"));
            assertFalse(viewer.pageText().contains("Delete the item"));
            assertEquals(List.of(), viewer.accessibilityProblems());

            // Sent anyway, from the viewer's own page with their token: refused, nothing kept.
            Object status = viewer.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = new FormData();
                    form.append('_csrf', document.body.dataset.csrf);
                    form.append('file', new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a])]), 'x.pdf');
                    fetch(arguments[0], {method: 'POST', body: form, credentials: 'same-origin'}).then(r => done(r.status));
                    """, "/events/" + event + "/budget/" + buffet + "/receipts");
            assertEquals(403L, status);
            assertEquals(0, item(event, bearer, buffet).path("receipts").size());
        }
    }

    @Test
    void onAPhoneInGermanAmountsAreReadAndShownTheGermanWayWithoutSidewaysScrolling() throws Exception {
        try (Browser browser = Browser.open(server, 390, "de-AT")) {
            browser.signIn("lena@example.org");
            String event = createEventWithBudget(browser, "Lena & Max", "12.000");
            String bearer = browser.cookie("eventa_session").getValue();
            browser.go("/events/" + event + "/budget");
            assertNoSidewaysScroll(browser);
            addItem(browser, Map.of("category", "Musik und Unterhaltung für den ganzen Abend", "title", "DJ",
                    "vendor", "Tanzbar Klangwerk Veranstaltungstechnik GmbH", "estimated", "1.250,50", "paid", "250"));
            JsonNode dj = items(event, bearer).get(0);
            assertEquals(125_050, dj.path("estimated_cents").asLong());
            assertEquals("€ 12.000,00", browser.text("[data-testid=planned]"));
            assertEquals("€ 1.250,50", browser.text("[data-testid=expected]"));
            assertEquals("€ 10.749,50", browser.text("[data-testid=remaining]"));
            assertTrue(browser.text("#amount-hint").contains("25.000 or 1250,50"), browser.text("#amount-hint"));
            assertNoSidewaysScroll(browser);
            browser.go("/events/" + event + "/budget/" + dj.path("id").asText());
            assertEquals("1250,50", browser.find("#estimated").getAttribute("value"));
            assertNoSidewaysScroll(browser);
            assertEquals(List.of(), browser.accessibilityProblems());
        }
    }

    // ---- steps

    private static String createEventWithBudget(Browser browser, String title, String planned) {
        browser.go("/events/new");
        browser.type("#title", title);
        browser.set("#date", "2027-06-12");
        browser.type("#planned_budget", planned);
        browser.press("main", "Create the event");
        browser.await("the new event's overview", () -> browser.path().matches("/events/[0-9a-f-]{36}"));
        return browser.path().substring("/events/".length());
    }

    /** Fills the add form on the budget page (already open) and sends it. */
    private static void addItem(Browser browser, Map<String, String> fields) {
        WebElement form = browser.find("#add-item form");
        // Typed by script (with the input events a person's typing fires): typing key by key costs seconds per form.
        for (String field : List.of("category", "title", "vendor", "estimated", "actual", "paid", "due_on", "notes")) {
            browser.set("#add-item #" + field, fields.getOrDefault(field, ""));
        }
        browser.press("#add-item", "Add the item");
        browser.await("the budget again", () -> {
            try {
                form.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    private static List<String> rows(Browser browser) {
        return browser.all("#budget-categories tr[data-category]").stream().map(WebElement::getText).toList();
    }

    private static void assertNoSidewaysScroll(Browser browser) {
        Object widths = browser.script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        List<?> both = (List<?>) widths;
        assertTrue(((Long) both.get(0)) <= ((Long) both.get(1)), "scrolls sideways on " + browser.path() + ": " + widths);
    }

    /**
     * The browser's own fetch of {@code url} (with the Accept-Encoding it always sends), hashed in
     * the page; {@code encoded} and {@code decoded} are the body's sizes on the wire and unpacked.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetched(Browser browser, String url) {
        return (Map<String, Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin', cache: 'no-store'}).then(async r => {
                  const bytes = await r.arrayBuffer();
                  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
                  await new Promise(later => setTimeout(later, 100));
                  const timing = performance.getEntriesByName(r.url).pop() || {};
                  done({status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                        nosniff: r.headers.get('x-content-type-options'), csp: r.headers.get('content-security-policy'),
                        encoding: r.headers.get('content-encoding'), encoded: timing.encodedBodySize, decoded: timing.decodedBodySize,
                        length: bytes.byteLength, sha: Array.from(digest, b => b.toString(16).padStart(2, '0')).join('')});
                }).catch(e => done({error: String(e)}));
                """, url);
    }

    private static JsonNode items(String event, String bearer) throws Exception {
        return server.api().call("GET", "/api/v1/events/" + event + "/budget-items", null, bearer, 200).path("budget_items");
    }

    private static JsonNode item(String event, String bearer, String id) throws Exception {
        return server.api().call("GET", "/api/v1/events/" + event + "/budget-items/" + id, null, bearer, 200);
    }

    private static String itemId(String event, String bearer, String title) throws Exception {
        for (JsonNode item : items(event, bearer)) {
            if (item.path("title").asText().equals(title)) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no item " + title);
    }

    // ---- files

    /** A PNG of random pixels: it does not compress, so its size is about width × height × 3 bytes. */
    static byte[] png(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page PDF with a text stream of about {@code size} bytes, with a correct cross-reference table. */
    static byte[] pdf(int size) {
        StringBuilder text = new StringBuilder("BT /F1 10 Tf 40 800 Td 12 TL\n");
        for (int line = 0; text.length() < size; line++) {
            text.append("(Receipt line ").append(line).append(": one wedding cake, three tiers, 400.00 EUR) '\n");
        }
        text.append("ET\n");
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A file's size as the pages write it in English: "59.1 KB". */
    static String kilobytes(Path file) throws IOException {
        return new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.UK))
                .format(Files.size(file) / 1024.0) + " KB";
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
