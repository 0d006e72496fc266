package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The guest list in a real browser: households and guests, one-click answers (swapped in place by
 * htmx, and without script), the totals and the filter, editing and moving a guest, refusals that
 * keep what was typed, deletes that ask first, a non-empty household that stays, stale clicks, a
 * viewer's read-only list, and the page at phone width.
 */
class WebGuestsTest extends BrowserTests {

    /** One editor's browser, signed in once; each test plans an event of its own in it. */
    static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.open(server);
        browser.signIn("ines@example.org");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void householdsGroupTheirGuestsAndOneClickAnswersUpdateTheRowTheTotalsAndTheServer() {
        String event = browser.createEvent("Müller–Smith wedding", "2027-06-12");
        browser.go("/events/" + event + "/guests");
        assertTrue(browser.pageText().contains("No guests yet — add the first household"), browser.pageText());
        assertEquals(List.of(), browser.accessibilityProblems());

        addHousehold(browser, "Familie Müller", "Hauptstraße 5\n1010 Wien");
        addHousehold(browser, "The Smiths", "");
        String jurgen = addGuest(browser, "Familie Müller", "Jürgen Müller", true, "Zoë", false);
        String anna = addGuest(browser, "Familie Müller", "Anna Müller", false, "", false);
        String lily = addGuest(browser, "The Smiths", "Lily Smith", false, "", true);

        WebElement mullers = household(browser, "Familie Müller");
        assertTrue(mullers.getText().contains("Hauptstraße 5\n1010 Wien"), mullers.getText());
        assertEquals(2, mullers.findElements(By.cssSelector("li.guest")).size());
        assertTrue(mullers.findElement(By.id("guest-" + jurgen)).getText().contains("Plus-one: Zoë"));
        assertFalse(mullers.getText().contains("Lily Smith"));
        assertTrue(household(browser, "The Smiths").findElement(By.id("guest-" + lily)).getText().contains("child"));
        assertTotals(browser, 3, 0, 3, 1);

        // one click: the row and the totals change in place, the page is not loaded again
        browser.script("window.stayed = 'yes';");
        browser.find("#rsvp-" + jurgen + "-yes").click();
        browser.await("Jürgen's answer in his row", () -> answerIn(browser, jurgen).equals("RSVP: Yes")
                && "true".equals(browser.find("#rsvp-" + jurgen + "-yes").getAttribute("aria-pressed")));
        browser.await("the totals", () -> browser.text("[data-testid=attending]").equals("2"));
        assertEquals("yes", browser.script("return window.stayed;"), "the click did not load the page again");
        assertEquals("false", browser.find("#rsvp-" + jurgen + "-pending").getAttribute("aria-pressed"));

        // by keyboard: TAB moves from one answer to the next, Enter presses it
        browser.find("#rsvp-" + anna + "-no").sendKeys(Keys.TAB);
        assertEquals("rsvp-" + anna + "-maybe", browser.driver.switchTo().activeElement().getAttribute("id"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.await("Anna's answer", () -> answerIn(browser, anna).equals("RSVP: Maybe"));
        browser.find("#rsvp-" + lily + "-no").click();
        browser.await("Lily's answer", () -> answerIn(browser, lily).equals("RSVP: No"));
        assertEquals("yes", browser.script("return window.stayed;"));

        browser.driver.navigate().refresh();
        assertEquals("RSVP: Yes", answerIn(browser, jurgen), "the server has the answer");
        assertEquals("RSVP: Maybe", answerIn(browser, anna));
        assertEquals("RSVP: No", answerIn(browser, lily));
        assertTotals(browser, 3, 2, 0, 1);
        assertEquals("Yes (1)", browser.text("[data-testid=filter-yes]"));
        assertEquals("No (1)", browser.text("[data-testid=filter-no]"));
        assertEquals("Maybe (1)", browser.text("[data-testid=filter-maybe]"));
        assertEquals("Pending (0)", browser.text("[data-testid=filter-pending]"));
        assertEquals(List.of(), browser.accessibilityProblems());

        // the filter keeps only the matching guests, and no household left empty by it
        browser.press(".filters", "Yes (1)");
        loaded(browser, "the filtered list", () -> browser.path().endsWith("/guests?rsvp=yes"));
        assertEquals("true", browser.find("[data-testid=filter-yes]").getAttribute("aria-current"));
        assertEquals(null, browser.find("[data-testid=filter-all]").getAttribute("aria-current"));
        assertEquals(1, browser.all("li.guest").size());
        assertTrue(browser.pageText().contains("Jürgen Müller"));
        assertFalse(browser.pageText().contains("The Smiths"), "the Smiths have no 'yes'");
        assertEquals(List.of(), browser.accessibilityProblems());

        // without script the answer is a plain form post, and the list comes back with its filter
        browser.script("""
                const form = arguments[0].closest('form');
                const plain = form.cloneNode(true);
                [...plain.attributes].filter(a => a.name.startsWith('hx-')).forEach(a => plain.removeAttribute(a.name));
                form.replaceWith(plain);""", browser.find("#rsvp-" + jurgen + "-maybe"));
        browser.find("#rsvp-" + jurgen + "-maybe").click();
        loaded(browser, "the page loaded again", () -> browser.script("return window.stayed;") == null
                && !browser.all("#guest-list .empty").isEmpty());
        assertTrue(browser.path().startsWith("/events/" + event + "/guests?rsvp=yes"), browser.path());
        assertEquals("No guests with the answer “Yes”.", browser.text("#guest-list .empty"));
        browser.go("/events/" + event + "/guests?rsvp=maybe");
        assertEquals(2, browser.all("li.guest").size());
        assertEquals("RSVP: Maybe", answerIn(browser, jurgen));

        // in a filtered list, a guest whose answer leaves the filter leaves the list, in place
        browser.script("window.stayed = 'yes';");
        browser.find("#rsvp-" + anna + "-yes").click();
        browser.await("Anna leaving the 'maybe' list", () -> browser.all("#guest-" + anna).isEmpty()
                && browser.text("[data-testid=filter-maybe]").equals("Maybe (1)"));
        assertEquals("yes", browser.script("return window.stayed;"));
        assertEquals("true", browser.find("[data-testid=filter-maybe]").getAttribute("aria-current"));
        assertEquals("Yes (1)", browser.text("[data-testid=filter-yes]"));
    }

    @Test
    void aStaleClickStillAnswersUnlessSomeoneElseChangedTheAnswerThenBothAnswersAreShown() {
        String event = browser.createEvent("Sommerfest", "2027-07-01");
        browser.go("/events/" + event + "/guests");
        addHousehold(browser, "Familie Dubois", "");
        String chloe = addGuest(browser, "Familie Dubois", "Chloé Dubois", false, "", false);

        // the list as shown: version 1, still pending; then someone changes her meal on her page
        String shownVersion = hidden(browser, chloe, "version");
        editGuest(browser, event, chloe, "#guest-meal_choice", "Fisch");
        browser.go("/events/" + event + "/guests");
        pretendShownAt(browser, chloe, shownVersion, "pending");
        browser.find("#rsvp-" + chloe + "-yes").click();
        browser.await("the answer", () -> answerIn(browser, chloe).equals("RSVP: Yes"));
        browser.driver.navigate().refresh();
        assertEquals("RSVP: Yes", answerIn(browser, chloe), "the click was saved on top of the other change");
        assertTrue(browser.find("#guest-" + chloe).getText().contains("Meal: Fisch"), "and the other change was kept");

        // now someone else changes the answer itself: the stale click must not overwrite it
        String yesVersion = hidden(browser, chloe, "version");
        browser.go("/events/" + event + "/guests/" + chloe);
        new Select(browser.find("#guest-rsvp")).selectByVisibleText("No");
        browser.press("main", "Save");
        loaded(browser, "the list", () -> browser.path().startsWith("/events/" + event + "/guests?notice="));
        pretendShownAt(browser, chloe, yesVersion, "yes");
        browser.find("#rsvp-" + chloe + "-maybe").click();
        loaded(browser, "the conflict page", () -> browser.path().startsWith("/events/" + event + "/guests/" + chloe));
        WebElement conflict = browser.find("#conflict");
        assertEquals("Maybe", conflict.findElement(By.cssSelector("[data-field=rsvp] .mine")).getText());
        assertEquals("No", conflict.findElement(By.cssSelector("[data-field=rsvp] .theirs")).getText());
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.go("/events/" + event + "/guests");
        assertEquals("RSVP: No", answerIn(browser, chloe), "nothing was overwritten");

        browser.go("/events/" + event + "/guests/" + chloe + "?rsvp_clash=maybe");
        browser.press("#conflict", "Keep mine");
        loaded(browser, "the list", () -> browser.path().startsWith("/events/" + event + "/guests?notice="));
        assertEquals("RSVP: Maybe", answerIn(browser, chloe));
    }

    @Test
    void editingAGuestMovesThemAndBadInputKeepsWhatWasTypedAndSavesNothing() {
        String event = browser.createEvent("Hochzeit", "2027-05-20");
        browser.go("/events/" + event + "/guests");
        addHousehold(browser, "Familie Öztürk", "");
        addHousehold(browser, "Die Österreichers", "");
        String lukas = addGuest(browser, "Familie Öztürk", "Lukas Öztürk", false, "", false);

        browser.find("#guest-" + lukas + " .guest-name a").click();
        loaded(browser, "the guest's page", () -> browser.path().equals("/events/" + event + "/guests/" + lukas));
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.type("#guest-name", "Lukas Ö.");
        browser.type("#guest-email", "lukas@localhost");
        browser.press("main", "Save");
        loaded(browser, "the refusal", () -> !browser.all("main .alert").isEmpty());
        assertEquals("Email must be a valid address", browser.text("main .alert"));
        assertEquals("Lukas Ö.", browser.find("#guest-name").getAttribute("value"));
        assertEquals("lukas@localhost", browser.find("#guest-email").getAttribute("value"));
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.go("/events/" + event + "/guests/" + lukas);
        assertEquals("Lukas Öztürk", browser.find("#guest-name").getAttribute("value"), "nothing was saved");
        assertEquals("", browser.find("#guest-email").getAttribute("value"));

        new Select(browser.find("#guest-household")).selectByVisibleText("Die Österreichers");
        browser.type("#guest-meal_choice", "Vegetarisch");
        browser.type("#guest-email", "Lukas@Example.org");
        browser.press("main", "Save");
        loaded(browser, "the list", () -> browser.path().startsWith("/events/" + event + "/guests?notice="));
        assertTrue(household(browser, "Die Österreichers").getText().contains("Lukas Öztürk"));
        assertTrue(household(browser, "Familie Öztürk").getText().contains("No guests in this household yet"));
        assertTrue(browser.find("#guest-" + lukas).getText().contains("Meal: Vegetarisch"));
        browser.go("/events/" + event + "/guests/" + lukas);
        assertEquals("lukas@example.org", browser.find("#guest-email").getAttribute("value"));

        // a household's page: its own edit form, through the same versioned saving
        browser.go("/events/" + event + "/guests");
        householdLink(browser, "Die Österreichers", "").click();
        loaded(browser, "the household's page", () -> browser.path().contains("/households/"));
        assertEquals(List.of(), browser.accessibilityProblems());
        assertTrue(browser.text("#household-guests").contains("Lukas Öztürk"));
        browser.type("#household-address", "Ringstraße 1, Graz");
        browser.press("main", "Save");
        loaded(browser, "the list", () -> browser.path().startsWith("/events/" + event + "/guests?notice="));
        assertTrue(household(browser, "Die Österreichers").getText().contains("Ringstraße 1, Graz"));

        // the add form refuses a plus-one's name without the plus-one, keeping what was typed
        openDetails(browser, "add-guest");
        browser.type("#guest-name", "Mia Öztürk");
        browser.type("#guest-plus_one_name", "Jonas");
        browser.press("#add-guest", "Add the guest");
        loaded(browser, "the refusal", () -> !browser.all("#add-guest .alert").isEmpty());
        assertTrue(browser.text("#add-guest .alert").contains("Tick “Brings a plus-one”"), browser.text("#add-guest"));
        assertEquals("Mia Öztürk", browser.find("#guest-name").getAttribute("value"));
        assertEquals("Jonas", browser.find("#guest-plus_one_name").getAttribute("value"));
        browser.go("/events/" + event + "/guests");
        assertEquals("1", browser.text("[data-testid=guests]"), "nothing was added");
    }

    @Test
    void deletesAskFirstAndAHouseholdWithGuestsIsRefused() {
        String event = browser.createEvent("Polterabend", "2027-05-19");
        browser.go("/events/" + event + "/guests");
        addHousehold(browser, "Familie Müller", "");
        String anna = addGuest(browser, "Familie Müller", "Anna Müller", false, "", false);

        householdLink(browser, "Familie Müller", "/delete").click();
        loaded(browser, "the question", () -> browser.path().endsWith("/delete"));
        assertTrue(browser.pageText().contains("still has 1 guest"), browser.pageText());
        browser.press("main", "Delete the household");
        loaded(browser, "the refusal", () -> !browser.all("main .alert").isEmpty());
        assertTrue(browser.text("main .alert").contains("Move or delete its guests first"), browser.pageText());
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.go("/events/" + event + "/guests");
        assertTrue(browser.pageText().contains("Familie Müller"), "the household is still there");

        browser.find("#guest-" + anna + " a.delete").click();
        loaded(browser, "the question", () -> browser.path().endsWith("/delete"));
        assertEquals("Delete Anna Müller?", browser.text("h1"));
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.press("main", "Cancel");
        loaded(browser, "the list", () -> !browser.path().endsWith("/delete"));
        assertTrue(browser.all("#guest-" + anna).size() == 1, "cancel deletes nothing");
        browser.find("#guest-" + anna + " a.delete").click();
        loaded(browser, "the question", () -> browser.path().endsWith("/delete"));
        browser.press("main", "Delete the guest");
        loaded(browser, "the list", () -> !browser.all(".notice").isEmpty());
        assertTrue(browser.text(".notice").contains("Anna Müller was taken off the list"), browser.pageText());
        browser.driver.navigate().refresh();
        assertTrue(browser.all("#guest-" + anna).isEmpty());

        householdLink(browser, "Familie Müller", "/delete").click();
        loaded(browser, "the question", () -> browser.path().endsWith("/delete"));
        browser.press("main", "Delete the household");
        loaded(browser, "the list", () -> !browser.all(".notice").isEmpty());
        assertTrue(browser.text(".notice").contains("“Familie Müller” was deleted"), browser.pageText());
        assertTrue(browser.pageText().contains("No guests yet — add the first household"));
    }

    @Test
    void aViewerReadsTheListButSeesNoForms() throws Exception {
        String owner = bearer("ute@example.org");
        String event = server.api().call("POST", "/api/v1/events", "{\"title\": \"Taufe\"}", owner, 201).path("id").asText();
        String household = server.api().call("POST", "/api/v1/events/" + event + "/households",
                "{\"name\": \"Familie Weiß\"}", owner, 201).path("id").asText();
        String guest = server.api().call("POST", "/api/v1/events/" + event + "/guests",
                "{\"household_id\": \"" + household + "\", \"name\": \"Jörg Weiß\", \"rsvp\": \"yes\"}", owner, 201).path("id").asText();
        Instant asked = Instant.now();
        server.api().call("POST", "/api/v1/events/" + event + "/invites", "{\"email\": \"vera@example.org\", \"role\": \"viewer\"}", owner, 201);

        try (Browser viewer = Browser.open(server)) {
            viewer.driver.get(server.linkMailedTo("vera@example.org", "invite", asked));
            viewer.press("main", "Join the event");
            loaded(viewer, "the event", () -> viewer.path().equals("/events/" + event));
            viewer.go("/events/" + event + "/guests");
            assertTrue(viewer.find("#guest-" + guest).getText().contains("Jörg Weiß"));
            assertEquals("RSVP: Yes", answerIn(viewer, guest));
            assertEquals(List.of(), viewer.all("main form"), "no forms on the list");
            assertEquals(List.of(), viewer.all("main button"));
            assertFalse(viewer.pageText().contains("Add a household"));
            assertFalse(viewer.pageText().contains("Delete"));
            assertEquals(List.of(), viewer.accessibilityProblems());

            viewer.go("/events/" + event + "/guests/" + guest);
            assertFalse(viewer.find("#guest-name").isEnabled(), "the guest's page is read-only");
            assertEquals(List.of(), viewer.all("main button"));
            viewer.go("/events/" + event + "/guests/" + guest + "/delete");
            assertTrue(viewer.pageText().contains("Not allowed"), viewer.pageText());
        }
        assertEquals("Jörg Weiß", server.api().call("GET", "/api/v1/events/" + event + "/guests/" + guest, null, owner, 200)
                .path("name").asText());
    }

    @Test
    void atPhoneWidthTheListAndTheEditPagesDoNotScrollSideways() {
        try (Browser phone = Browser.open(server, 390, "de-AT")) {
            phone.signIn("zoe@example.org");
            String event = phone.createEvent("Gartenhochzeit", "2027-08-14");
            phone.go("/events/" + event + "/guests");
            addHousehold(phone, "Familie Müller-Lüdenscheidt-Oberhausen-Rheinhausen", "Sehr lange Straße mit vielen Wörtern 123\n4020 Linz");
            String guest = addGuest(phone, "Familie Müller-Lüdenscheidt-Oberhausen-Rheinhausen",
                    "Maximiliane Müller-Lüdenscheidt-Oberhausen", true, "Bartholomäus von Hohenzollern-Sigmaringen", true);
            phone.go("/events/" + event + "/guests");
            assertNoSidewaysScroll(phone);
            assertEquals(List.of(), phone.accessibilityProblems());
            openDetails(phone, "add-guest");
            openDetails(phone, "add-household");
            assertNoSidewaysScroll(phone);
            phone.go("/events/" + event + "/guests/" + guest);
            assertNoSidewaysScroll(phone);
            phone.go("/events/" + event + "/guests");
            householdLink(phone, "Familie Müller-Lüdenscheidt-Oberhausen-Rheinhausen", "").click();
            loaded(phone, "the household's page", () -> phone.path().contains("/households/"));
            assertNoSidewaysScroll(phone);
        }
    }

    // ---- steps

    private static void addHousehold(Browser browser, String name, String address) {
        openDetails(browser, "add-household");
        browser.type("#household-name", name);
        browser.type("#household-address", address);
        browser.press("#add-household", "Add the household");
        loaded(browser, "the new household", () -> browser.text(".notice").contains("Added “" + name + "”"));
    }

    /** Adds a guest through the list's form and returns their id. */
    private static String addGuest(Browser browser, String household, String name, boolean plusOne, String plusOneName,
                                   boolean child) {
        openDetails(browser, "add-guest");
        new Select(browser.find("#guest-household")).selectByVisibleText(household);
        browser.type("#guest-name", name);
        if (plusOne != browser.find("#guest-plus_one").isSelected()) {
            browser.find("#guest-plus_one").click();
        }
        browser.type("#guest-plus_one_name", plusOneName);
        if (child != browser.find("#guest-child").isSelected()) {
            browser.find("#guest-child").click();
        }
        browser.press("#add-guest", "Add the guest");
        loaded(browser, "the new guest", () -> browser.text(".notice").contains("Added " + name));
        return rowOf(browser, name).getAttribute("id").substring("guest-".length());
    }

    /** Waits for the page a click asked for: {@code arrived} holds on it (and not on the page before), and it has loaded. */
    private static void loaded(Browser browser, String what, Supplier<Boolean> arrived) {
        browser.await(what, () -> arrived.get() && "complete".equals(browser.script("return document.readyState;")));
    }

    private static void openDetails(Browser browser, String id) {
        WebElement details = browser.find("#" + id);
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private static void editGuest(Browser browser, String event, String guest, String field, String value) {
        browser.go("/events/" + event + "/guests/" + guest);
        browser.type(field, value);
        browser.press("main", "Save");
        loaded(browser, "the list", () -> browser.path().startsWith("/events/" + event + "/guests?notice="));
    }

    private static String hidden(Browser browser, String guest, String name) {
        return browser.find("#guest-" + guest + " input[name='" + name + "']").getAttribute("value");
    }

    /**
     * Makes the row's answer buttons carry what a page shown earlier would carry: the version and
     * the answer as they were then. (Another tab's page would be refreshed live; this is that page.)
     */
    private static void pretendShownAt(Browser browser, String guest, String version, String answer) {
        browser.script("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                browser.find("#guest-" + guest + " input[name='version']"), version,
                browser.find("#guest-" + guest + " input[name='was.rsvp']"), answer);
    }

    private static WebElement rowOf(Browser browser, String name) {
        return browser.driver.findElement(By.xpath("//li[contains(@class,'guest')][.//h3/a[normalize-space()='" + name + "']]"));
    }

    private static WebElement household(Browser browser, String name) {
        return browser.driver.findElement(By.xpath("//section[contains(@class,'household')][./div/h2[normalize-space()='" + name + "']]"));
    }

    /** The household's link to its own page ({@code ""}) or to its delete page ({@code "/delete"}). */
    private static WebElement householdLink(Browser browser, String name, String suffix) {
        WebElement section = household(browser, name);
        String id = section.getAttribute("id").substring("household-".length());
        return section.findElement(By.cssSelector(".household-actions a[href$='/households/" + id + suffix + "']"));
    }

    private static String answerIn(Browser browser, String guest) {
        return browser.find("#guest-" + guest + " [data-testid=rsvp]").getAttribute("textContent").strip();
    }

    private static void assertTotals(Browser browser, int guests, int attending, int pending, int children) {
        assertEquals(Integer.toString(guests), browser.text("[data-testid=guests]"));
        assertEquals(Integer.toString(attending), browser.text("[data-testid=attending]"));
        assertEquals(Integer.toString(pending), browser.text("[data-testid=pending]"));
        assertEquals(Integer.toString(children), browser.text("[data-testid=children]"));
    }

    private static void assertNoSidewaysScroll(Browser browser) {
        Object fits = browser.script("return document.documentElement.scrollWidth <= window.innerWidth;");
        assertEquals(Boolean.TRUE, fits, "scrollWidth " + browser.script("return document.documentElement.scrollWidth;")
                + " > innerWidth " + browser.script("return window.innerWidth;") + " on " + browser.path());
    }

    /** A bearer for {@code email}, signed in through the API as the app does. */
    private static String bearer(String email) throws Exception {
        Instant asked = Instant.now();
        server.api().call("POST", "/api/v1/auth/magic-link", "{\"email\": \"" + email + "\"}", null, 202);
        String link = server.linkMailedTo(email, "verify", asked);
        String token = link.substring(link.indexOf("token=") + "token=".length());
        JsonNode verified = server.api().call("POST", "/api/v1/auth/verify", "{\"token\": \"" + token + "\"}", null, 200);
        return verified.path("bearer").asText();
    }
}
