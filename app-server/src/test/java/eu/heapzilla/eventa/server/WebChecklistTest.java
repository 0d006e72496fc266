package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The checklist and the timeline in a real browser: adding tasks, ticking them off in place and
 * reopening them, the filters, editing with refusals that keep what was typed, deleting after a
 * question, stale ticks, the timeline's buckets in the event's time zone, what viewers see, and
 * a phone's width.
 */
class WebChecklistTest extends BrowserTests {

    private static final String ANN = "ann@example.org";
    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);

    /** The desktop browser the tests that need no second person share, signed in as {@link #ANN}. */
    static Browser desktop;
    private static final Map<String, String> BEARERS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        desktop = Browser.open(server);
        desktop.signIn(ANN);
    }

    @AfterAll
    static void stop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void tasksAreAddedTickedOffInPlaceFilteredEditedAndDeleted() throws Exception {
        Browser browser = desktop;
        String event = browser.createEvent("Ann & Ben", "2027-06-12");
        String tasks = "/events/" + event + "/tasks";
        browser.go(tasks);
        assertTrue(browser.text("#tasks").contains("No tasks yet."), browser.text("#tasks"));
        LocalDate today = LocalDate.now(VIENNA);

        String venue = addTask(browser, "Book the venue", today.minusDays(10), false, "");
        String invitations = addTask(browser, "Send invitations", today, false, "");
        String music = addTask(browser, "Choose music", null, false, "");
        String cake = addTask(browser, "Order the cake", today.plusDays(60), true, "Three tiers\nlemon");
        assertEquals(List.of("Book the venue", "Send invitations", "Order the cake", "Choose music"), titles(browser));
        assertEquals(List.of("Book the venue"), overdueTitles(browser), "only the task due before today is overdue");
        WebElement cakeRow = browser.find("#task-" + cake);
        assertTrue(cakeRow.getText().contains("Due " + UK_DATE.format(today.plusDays(60))), cakeRow.getText());
        assertTrue(cakeRow.findElement(By.cssSelector(".assignee")).getText().equals("ann"), cakeRow.getText());
        assertEquals("Three tiers\nlemon", cakeRow.findElement(By.cssSelector(".notes")).getText());
        assertEquals("Nobody assigned", browser.text("#task-" + music + " .assignee"));
        assertEquals(List.of(), browser.accessibilityProblems());

        // keyboard: from the last filter, TAB reaches the first row's tick
        WebElement lastFilter = browser.find(".filters a[data-filter=overdue]");
        lastFilter.sendKeys(Keys.TAB);
        assertEquals("tick-" + venue, browser.driver.switchTo().activeElement().getAttribute("id"));

        // ticking off swaps that row only, in place
        browser.script("window.__stayed = true;");
        String before = browser.path();
        WebElement oldRow = browser.find("#task-" + invitations);
        withLiveRefresh(browser, () -> browser.find("#tick-" + invitations).click());
        browser.await("the row to show the task done", () -> "true".equals(browser.find("#task-" + invitations).getAttribute("data-done")));
        assertEquals(Boolean.TRUE, browser.script("return window.__stayed === true;"), "the page was not reloaded");
        assertStale(oldRow);
        assertEquals(before, browser.path(), "no navigation happened");
        WebElement done = browser.find("#task-" + invitations);
        assertTrue(done.findElement(By.cssSelector(".task-title a")).getAttribute("class").contains("done-title"));
        assertTrue(done.getText().contains("Done by ann, "), done.getText());
        assertEquals("Reopen: Send invitations", done.findElement(By.cssSelector("button")).getAttribute("textContent"));
        assertEquals("tick-" + invitations, browser.driver.switchTo().activeElement().getAttribute("id"),
                "focus stays on the task's button");
        browser.go(tasks);
        assertEquals("true", browser.find("#task-" + invitations).getAttribute("data-done"), "the server has it");
        assertTrue(apiTask(ANN, event, "Send invitations").path("done").asBoolean());

        // reopening it, from the keyboard
        withLiveRefresh(browser, () -> browser.find("#tick-" + invitations).sendKeys(Keys.ENTER));
        browser.await("the row to show the task open", () -> "false".equals(browser.find("#task-" + invitations).getAttribute("data-done")));
        browser.go(tasks);
        assertEquals("false", browser.find("#task-" + invitations).getAttribute("data-done"));
        assertFalse(browser.find("#task-" + invitations).getText().contains("Done by"));
        assertFalse(apiTask(ANN, event, "Send invitations").path("done").asBoolean());

        // filters, with one task done
        browser.find("#tick-" + invitations).click();
        browser.await("done again", () -> "true".equals(browser.find("#task-" + invitations).getAttribute("data-done")));
        assertEquals(List.of("Book the venue", "Send invitations", "Order the cake", "Choose music"), filtered(browser, tasks, "all"));
        assertEquals(List.of("Order the cake"), filtered(browser, tasks, "mine"));
        assertEquals(List.of("Book the venue", "Order the cake", "Choose music"), filtered(browser, tasks, "open"));
        assertEquals(List.of("Book the venue"), filtered(browser, tasks, "overdue"));
        assertEquals("Overdue", browser.text(".filters a[aria-current=true]"));
        assertEquals(1, browser.all(".filters a[aria-current]").size());
        browser.press(".filters", "Mine");
        assertEquals(tasks + "?filter=mine", browser.path());
        assertEquals("Mine", browser.text(".filters a[aria-current=true]"));

        // editing a task's due date
        browser.go(tasks);
        browser.find("#task-" + venue + " .task-title a").click();
        browser.await("the edit page", () -> browser.path().equals(tasks + "/" + venue));
        assertEquals("Book the venue", browser.text("h1"));
        assertEquals(today.minusDays(10).toString(), browser.find("#due_on").getAttribute("value"));
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.set("#due_on", today.plusDays(20).toString());
        browser.press("main", "Save");
        browser.await("the checklist", () -> browser.path().startsWith(tasks + "?notice="));
        assertTrue(browser.pageText().contains("Saved \u201cBook the venue\u201d."), browser.pageText());
        assertTrue(browser.text("#task-" + venue).contains("Due " + UK_DATE.format(today.plusDays(20))));
        assertEquals(List.of(), overdueTitles(browser));
        assertEquals(today.plusDays(20).toString(), apiTask(ANN, event, "Book the venue").path("due_on").asText());
        assertTrue(filtered(browser, tasks, "overdue").isEmpty());
        assertEquals("Nothing overdue.", browser.text("#tasks .empty"));

        // an empty title is refused on the edit page, with what was typed kept
        browser.go(tasks + "/" + venue);
        browser.type("#title", " ");
        browser.set("#due_on", today.plusDays(5).toString());
        browser.type("#notes", "Call them first");
        browser.press("main", "Save");
        browser.await("the refusal", () -> browser.all(".alert").size() == 1);
        assertEquals("Title must not be empty", browser.text(".alert"));
        assertEquals(tasks + "/" + venue, browser.path());
        assertEquals(today.plusDays(5).toString(), browser.find("#due_on").getAttribute("value"));
        assertEquals("Call them first", browser.find("#notes").getAttribute("value"));
        browser.go(tasks + "/" + venue);
        assertEquals("Book the venue", browser.find("#title").getAttribute("value"), "nothing was saved");
        assertEquals(today.plusDays(20).toString(), browser.find("#due_on").getAttribute("value"));
        assertEquals("", browser.find("#notes").getAttribute("value"));

        // a date outside the calendar is refused on the add form, with what was typed kept
        browser.go(tasks);
        browser.type("#title", "Hire a band");
        browser.set("#due_on", "0999-01-01");
        new Select(browser.find("#assignee")).selectByVisibleText("ann (you)");
        browser.press("main", "Add the task");
        browser.await("the refusal", () -> browser.all(".alert").size() == 1);
        assertEquals("Due date must lie between the years 1900 and 2999", browser.text(".alert"));
        assertEquals("Hire a band", browser.find("#title").getAttribute("value"));
        assertEquals("0999-01-01", browser.find("#due_on").getAttribute("value"));
        assertEquals("ann (you)", new Select(browser.find("#assignee")).getFirstSelectedOption().getText());
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.go(tasks);
        assertFalse(titles(browser).contains("Hire a band"), "nothing was saved");
        assertEquals(4, apiTasks(ANN, event).size());

        // deleting, after a question
        browser.go(tasks + "/" + music);
        browser.press("main", "Delete the task\u2026");
        browser.await("the question", () -> browser.path().equals(tasks + "/" + music + "/delete"));
        assertEquals("Delete \u201cChoose music\u201d?", browser.text("h1"));
        browser.press("main", "Cancel");
        browser.await("the task again", () -> browser.path().equals(tasks + "/" + music));
        browser.press("main", "Delete the task\u2026");
        browser.await("the question", () -> browser.path().equals(tasks + "/" + music + "/delete"));
        browser.press("main", "Delete the task");
        browser.await("the checklist", () -> browser.path().startsWith(tasks + "?notice="));
        assertTrue(browser.pageText().contains("\u201cChoose music\u201d was deleted."), browser.pageText());
        assertEquals(List.of("Send invitations", "Book the venue", "Order the cake"), titles(browser));
        browser.go(tasks);
        assertFalse(titles(browser).contains("Choose music"));
        assertEquals(3, apiTasks(ANN, event).size());
    }

    @Test
    void aStaleTickIsMadeOnTheCurrentVersionAndWithoutScriptThePostComesBackToTheSameFilter() throws Exception {
        Browser browser = desktop;
        String event = browser.createEvent("Cleo's party", "2027-08-01");
        String tasks = "/events/" + event + "/tasks";
        browser.go(tasks);
        String flowers = addTask(browser, "Flowers", null, false, "");

        // someone renamed it after this page was shown (version 1): the tick lands on their version
        browser.go(tasks + "/" + flowers);
        browser.type("#title", "Flowers for the tables");
        browser.press("main", "Save");
        browser.await("the checklist", () -> browser.path().startsWith(tasks + "?notice="));
        // (marked as being typed in, as a person's edit would, so that the live refresh leaves it alone)
        browser.script("var form = document.querySelector('#task-" + flowers + " form');"
                + "form.dataset.dirty = 'true'; form.querySelector('input[name=version]').value = '1';");
        withLiveRefresh(browser, () -> browser.find("#tick-" + flowers).click());
        browser.await("the row to show the task done", () -> "true".equals(browser.find("#task-" + flowers).getAttribute("data-done")));
        assertTrue(browser.text("#task-" + flowers).contains("Flowers for the tables"), "the rename is kept");
        JsonNode saved = apiTask(ANN, event, "Flowers for the tables");
        assertTrue(saved.path("done").asBoolean());
        assertEquals(3, saved.path("version").asLong());

        // someone else ticked it off after the page was shown: no error, it stays done, nothing is written
        browser.script("var form = document.querySelector('#task-" + flowers + " form'); form.dataset.dirty = 'true';"
                + "form.querySelector('input[name=version]').value = '2'; form.querySelector('input[name=done]').value = 'true';");
        browser.find("#tick-" + flowers).click();
        browser.await("the row", () -> "true".equals(browser.find("#task-" + flowers).getAttribute("data-done"))
                && browser.find("#task-" + flowers + " input[name=version]").getAttribute("value").equals("3"));
        assertEquals(3, apiTask(ANN, event, "Flowers for the tables").path("version").asLong());

        // without htmx (a plain form post), the answer is the same filtered list
        browser.go(tasks + "?filter=all");
        String cards = addTask(browser, "Place cards", null, false, "");
        browser.go(tasks + "?filter=open");
        assertEquals(List.of("Place cards"), titles(browser));
        browser.script("document.querySelector('#task-" + cards + " form').submit();");
        browser.await("the list again", () -> browser.path().startsWith(tasks + "?filter=open&notice=")
                && browser.pageText().contains("Marked done."));
        assertTrue(browser.path().endsWith("#task-" + cards), browser.path());
        assertEquals("Open", browser.text(".filters a[aria-current=true]"));
        assertEquals("Nothing open: every task is done.", browser.text("#tasks .empty"));
        assertTrue(apiTask(ANN, event, "Place cards").path("done").asBoolean());
    }

    @Test
    void editsOfOneTaskFromTwoPagesMergeFieldByFieldAndAClashShowsBothValues() throws Exception {
        Browser browser = desktop;
        String event = browser.createEvent("Two tabs", "2027-05-05");
        String tasks = "/events/" + event + "/tasks";
        browser.go(tasks);
        String id = addTask(browser, "Rent chairs", LocalDate.of(2027, 1, 5), false, "");
        String page = tasks + "/" + id;
        String first = browser.driver.getWindowHandle();
        browser.go(page);
        browser.type("#notes", "Eighty of them");
        browser.set("#due_on", "2027-01-10");

        browser.driver.switchTo().newWindow(WindowType.TAB);
        String second = browser.driver.getWindowHandle();
        browser.go(page);
        browser.type("#title", "Rent chairs and tables");
        browser.set("#due_on", "2027-02-20");
        browser.press("main", "Save");
        browser.await("the checklist", () -> browser.path().startsWith(tasks + "?notice="));

        // the first page changed the notes (merged at once) and the due date (which the second changed too)
        browser.driver.switchTo().window(first);
        browser.press("main", "Save");
        browser.await("the conflict panel", () -> browser.all("#conflict").size() == 1);
        assertEquals(page, browser.path());
        assertTrue(browser.text("#conflict h2").startsWith("ann changed this "), browser.text("#conflict h2"));
        assertEquals(List.of("due_on"), browser.all("#conflict dl").stream().map(dl -> dl.getAttribute("data-field")).toList());
        assertEquals(UK_DATE.format(LocalDate.of(2027, 1, 10)), browser.text("#conflict .mine"));
        assertEquals(UK_DATE.format(LocalDate.of(2027, 2, 20)), browser.text("#conflict .theirs"));
        assertEquals("Rent chairs and tables", browser.find("#title").getAttribute("value"), "their title is taken in");
        assertEquals("Eighty of them", browser.find("#notes").getAttribute("value"), "my notes are kept");
        assertEquals("2027-01-10", browser.find("#due_on").getAttribute("value"), "the form shows my date");
        JsonNode between = apiTask(ANN, event, "Rent chairs and tables");
        assertEquals("2027-02-20", between.path("due_on").asText(), "nothing was overwritten");
        assertFalse(between.hasNonNull("notes"), "nothing of mine was saved yet");

        browser.press("#conflict", "Keep mine");
        browser.await("the checklist", () -> browser.path().startsWith(tasks + "?notice="));
        JsonNode kept = apiTask(ANN, event, "Rent chairs and tables");
        assertEquals("2027-01-10", kept.path("due_on").asText());
        assertEquals("Eighty of them", kept.path("notes").asText());
        browser.driver.switchTo().window(second);
        browser.driver.close();
        browser.driver.switchTo().window(first);
    }

    @Test
    void theTimelinePutsEachTaskInItsBucketAsSeenInTheEventsTimeZone() throws Exception {
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        LocalDate today = LocalDate.now(kiritimati);
        Browser browser = desktop;
        browser.go("/events/new");
        browser.type("#title", "Dora on the island");
        browser.set("#date", "2027-09-09");
        browser.set("#timezone", kiritimati.getId());
        browser.press("main", "Create the event");
        browser.await("the overview", () -> browser.path().matches("/events/[0-9a-f-]{36}"));
        String event = browser.path().substring("/events/".length());
        String tasks = "/events/" + event + "/tasks";
        browser.go(tasks);

        // on the island it is already (or still) a day that may not be today elsewhere
        String yesterday = addTask(browser, "Due yesterday", today.minusDays(1), false, "");
        String todays = addTask(browser, "Due today", today, false, "");
        String later = addTask(browser, "Due in two months", today.plusDays(62), false, "");
        String undated = addTask(browser, "Some day", null, false, "");
        String finished = addTask(browser, "Finished", today.plusDays(3), false, "");
        browser.find("#tick-" + finished).click();
        browser.await("done", () -> "true".equals(browser.find("#task-" + finished).getAttribute("data-done")));
        assertEquals(List.of("Due yesterday"), overdueTitles(browser), "overdue as the island's calendar has it");

        browser.go("/events/" + event + "/timeline");
        assertEquals("Today is " + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.UK).format(today)
                + " (Pacific/Kiritimati)", browser.text("#today"));
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("overdue", List.of(yesterday));
        expected.put("this-week", List.of(todays));
        expected.put("this-month", List.of());
        expected.put("later", List.of(later));
        expected.put("undated", List.of(undated));
        expected.put("done", List.of(finished));
        assertEquals(expected, buckets(browser));
        assertEquals("Nothing here", browser.text("#bucket-this-month .empty"));
        assertEquals("0", browser.find("#bucket-this-month").getAttribute("data-count"));
        assertTrue(browser.text("#heading-overdue").startsWith("Overdue 1"), browser.text("#heading-overdue"));
        assertTrue(browser.text("#bucket-done").contains("Done by ann, "), browser.text("#bucket-done"));
        assertTrue(browser.text("#bucket-overdue").contains("overdue"));
        assertEquals(List.of(), browser.accessibilityProblems());

        // a task due after this week but within this month, when this month has such a day
        LocalDate inMonth = sunday.plusDays(1);
        if (YearMonth.from(inMonth).equals(YearMonth.from(today))) {
            browser.go(tasks);
            String monthly = addTask(browser, "This month", inMonth, false, "");
            browser.go("/events/" + event + "/timeline");
            assertEquals(List.of(monthly), buckets(browser).get("this-month"));
            assertEquals("1", browser.find("#bucket-this-month").getAttribute("data-count"));
        }

        // the same due date seen from an event on the other side of the date line is not overdue there:
        // only each event's own time zone gives both answers at the same moment
        browser.go("/events/new");
        browser.type("#title", "Dora in Pago Pago");
        browser.set("#timezone", "Pacific/Pago_Pago");
        browser.press("main", "Create the event");
        browser.await("the overview", () -> browser.path().matches("/events/[0-9a-f-]{36}"));
        String pagoPago = browser.path().substring("/events/".length());
        browser.go("/events/" + pagoPago + "/tasks");
        String sameDay = addTask(browser, "Due yesterday on the island", today.minusDays(1), false, "");
        assertEquals(List.of(), overdueTitles(browser));
        browser.go("/events/" + pagoPago + "/timeline");
        assertEquals(List.of(), buckets(browser).get("overdue"));
        assertTrue(buckets(browser).get("this-week").contains(sameDay) || buckets(browser).get("later").contains(sameDay));
        assertEquals("Today is " + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.UK)
                .format(LocalDate.now(ZoneId.of("Pacific/Pago_Pago"))) + " (Pacific/Pago_Pago)", browser.text("#today"));
        browser.go("/events/" + event + "/timeline");

        // each task links to its page
        browser.find("#bucket-later li[data-task='" + later + "'] a").click();
        browser.await("the task's page", () -> browser.path().equals(tasks + "/" + later));
        assertEquals("Due in two months", browser.text("h1"));
    }

    @Test
    void viewersSeeTheChecklistAndTheTimelineWithoutAnyForm() throws Exception {
        String owner = bearer("olga@example.org");
        String event = server.api().call("POST", "/api/v1/events", "{\"title\": \"Olga's feast\"}", owner, 201).path("id").asText();
        server.api().call("POST", "/api/v1/events/" + event + "/tasks", "{\"title\": \"Buy candles\"}", owner, 201);
        try (Browser browser = Browser.open(server)) {
            browser.signIn("vic@example.org");
            Instant invited = Instant.now();
            server.api().call("POST", "/api/v1/events/" + event + "/invites", "{\"email\": \"vic@example.org\", \"role\": \"viewer\"}",
                    owner, 201);
            String link = server.linkMailedTo("vic@example.org", "invite", invited);
            server.api().call("POST", "/api/v1/invites/" + link.substring(link.indexOf("token=") + 6) + "/accept", null, null, 200);

            browser.go("/events/" + event + "/tasks");
            assertEquals(List.of("Buy candles"), titles(browser));
            assertEquals(0, browser.all("main form").size(), "no forms for a viewer");
            assertTrue(browser.pageText().contains("You can read the checklist"));
            String task = browser.find("li.task").getAttribute("id").substring("task-".length());
            browser.go("/events/" + event + "/tasks/" + task);
            assertFalse(browser.find("#title").isEnabled());
            assertTrue(browser.all("main button").isEmpty(), "no Save for a viewer");
            browser.go("/events/" + event + "/timeline");
            assertEquals(List.of(task), buckets(browser).get("undated"));
            assertEquals(0, browser.all("main form").size());
        }
    }

    @Test
    void onAPhoneInGermanNothingScrollsSidewaysAndDatesAreWrittenTheAustrianWay() {
        try (Browser browser = Browser.open(server, 390, "de-AT")) {
            browser.signIn("emil@example.org");
            String event = browser.createEvent("Emils Hochzeit", "2027-06-12");
            String tasks = "/events/" + event + "/tasks";
            browser.go(tasks);
            String id = addTask(browser, "Die Einladungskarten für alle Verwandten und Freunde bestellen und verschicken",
                    LocalDate.of(2027, 6, 12), true, "Ein sehr langer Hinweis ohneLeerzeichenDerTrotzdemUmbrechenMussWeilDasTelefonSchmalIst");
            assertTrue(browser.text("#task-" + id).contains("12.06.2027"), browser.text("#task-" + id));
            assertNoSidewaysScroll(browser);
            browser.find("#tick-" + id).click();
            browser.await("done", () -> "true".equals(browser.find("#task-" + id).getAttribute("data-done")));
            assertNoSidewaysScroll(browser);
            browser.go(tasks + "/" + id);
            assertNoSidewaysScroll(browser);
            browser.go("/events/" + event + "/timeline");
            assertNoSidewaysScroll(browser);
            assertEquals(List.of(), browser.accessibilityProblems());
        }
    }

    // ---- steps

    /**
     * Does {@code action} (a change) and waits for the live refresh it causes, so that what the
     * test then reads is not replaced under it.
     */
    private static void withLiveRefresh(Browser browser, Runnable action) {
        browser.await("the live connection", () -> "true".equals(browser.script("return document.body.dataset.liveConnected;")));
        Object before = browser.script("return document.body.dataset.refreshed || '';");
        action.run();
        browser.await("the live refresh", () -> !before.equals(browser.script("return document.body.dataset.refreshed || '';")));
    }

    /** Adds a task through the form on the checklist and returns its id. */
    private static String addTask(Browser browser, String title, LocalDate due, boolean toMe, String notes) {
        browser.type("#title", title);
        if (due != null) {
            browser.set("#due_on", due.toString());
        }
        if (toMe) {
            Select assignee = new Select(browser.find("#assignee"));
            assignee.getOptions().stream().filter(o -> o.getText().endsWith(" (you)")).findFirst().orElseThrow().click();
        }
        if (!notes.isEmpty()) {
            browser.type("#notes", notes);
        }
        browser.press("main", "Add the task");
        browser.await("the new task", () -> browser.pageText().contains("Added \u201c" + title + "\u201d."));
        return browser.all("li.task").stream()
                .filter(li -> li.findElement(By.cssSelector(".task-title a")).getText().equals(title))
                .findFirst().orElseThrow().getAttribute("id").substring("task-".length());
    }

    private static List<String> titles(Browser browser) {
        return browser.all("li.task .task-title a").stream().map(WebElement::getText).toList();
    }

    private static List<String> overdueTitles(Browser browser) {
        return browser.all("li.task").stream().filter(li -> !li.findElements(By.cssSelector(".pill.overdue")).isEmpty())
                .map(li -> li.findElement(By.cssSelector(".task-title a")).getText()).toList();
    }

    private static List<String> filtered(Browser browser, String tasks, String filter) {
        browser.go(tasks + "?filter=" + filter);
        assertEquals(filter.substring(0, 1).toUpperCase(Locale.ROOT) + filter.substring(1), browser.text(".filters a[aria-current=true]"));
        return titles(browser);
    }

    /** Each bucket of the timeline page with the ids of its tasks, checking the count it shows. */
    private static Map<String, List<String>> buckets(Browser browser) {
        Map<String, List<String>> buckets = new TreeMap<>();
        for (WebElement section : browser.all("section.bucket")) {
            List<String> ids = new ArrayList<>();
            section.findElements(By.cssSelector("li[data-task]")).forEach(li -> ids.add(li.getAttribute("data-task")));
            assertEquals(String.valueOf(ids.size()), section.getAttribute("data-count"));
            assertTrue(section.findElement(By.cssSelector("h2 .count")).getText().startsWith(String.valueOf(ids.size())));
            buckets.put(section.getAttribute("id").substring("bucket-".length()), ids);
        }
        return buckets;
    }

    private static void assertStale(WebElement element) {
        try {
            element.isDisplayed();
            throw new AssertionError("the old row is still in the page");
        } catch (StaleElementReferenceException expected) {
            // replaced by the new row
        }
    }

    private static void assertNoSidewaysScroll(Browser browser) {
        Object widths = browser.script("return [document.documentElement.scrollWidth, window.innerWidth];");
        @SuppressWarnings("unchecked")
        List<Long> both = (List<Long>) widths;
        assertTrue(both.get(0) <= both.get(1), "page is " + both.get(0) + " px wide in a " + both.get(1) + " px window on "
                + browser.path());
    }

    // ---- the server's state, through the API

    /** A bearer token for {@code email}, signed in through the API as the app does. */
    private static String bearer(String email) throws Exception {
        Instant asked = Instant.now();
        server.api().call("POST", "/api/v1/auth/magic-link", "{\"email\": \"" + email + "\"}", null, 202);
        String link = server.linkMailedTo(email, "verify", asked);
        String token = link.substring(link.indexOf("token=") + "token=".length());
        return server.api().call("POST", "/api/v1/auth/verify", "{\"token\": \"" + token + "\"}", null, 200).path("bearer").asText();
    }

    /** The event's tasks as the server has them, read by {@code email} (signed in through the API once). */
    private static List<JsonNode> apiTasks(String email, String event) throws Exception {
        String bearer = BEARERS.get(email);
        if (bearer == null) {
            bearer = bearer(email);
            BEARERS.put(email, bearer);
        }
        List<JsonNode> all = new ArrayList<>();
        server.api().call("GET", "/api/v1/events/" + event + "/tasks", null, bearer, 200).path("tasks").forEach(all::add);
        return all;
    }

    private static JsonNode apiTask(String email, String event, String title) throws Exception {
        JsonNode found = apiTasks(email, event).stream().filter(t -> t.path("title").asText().equals(title)).findFirst().orElse(null);
        assertFalse(found == null, "no task " + title + " on the server");
        return found;
    }
}
