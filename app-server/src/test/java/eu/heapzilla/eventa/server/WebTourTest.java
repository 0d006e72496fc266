package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * Every page of the web app, with a planned event behind it, at a phone's width (390 px) and a
 * desktop's (1280 px): axe-core finds no serious or critical problem, every link, button and field
 * can be reached with the Tab key, nothing scrolls sideways on the phone, and each page looks as its
 * committed screenshot in {@code docs/web/} (regenerated with {@code -Deventa.web.screens.dir}).
 */
class WebTourTest extends BrowserTests {


    @Test
    void everyPageIsAccessibleReachableByKeyboardAndLooksAsCommitted() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Browser visitor = Browser.open(server)) {
            tour(visitor, Map.of("signin", "/signin", "not-found", "/no-such-page"), problems);
            Instant asked = Instant.now();
            visitor.go("/signin");
            visitor.type("#email", "jane@example.org");
            visitor.press("main", "Send me a sign-in link");
            tourHere(visitor, "check-mail", problems);
            visitor.driver.get(server.linkMailedTo("jane@example.org", "verify", asked));
            tourHere(visitor, "verify", problems);
            visitor.press("main", "Sign in");
            visitor.await("the event list", () -> visitor.path().equals("/events"));
            tourHere(visitor, "events-empty", problems);

            String event = visitor.createEvent("Jane & Tom's wedding", "2027-06-12");
            String bearer = visitor.cookie("eventa_session").getValue();
            Map<String, String> ids = plan(event, bearer);
            Instant invited = Instant.now();
            server.api().call("POST", "/api/v1/events/" + event + "/invites", "{\"email\": \"gerda@example.org\"}", bearer, 201);
            String invite = server.linkMailedTo("gerda@example.org", "invite", invited);

            Map<String, String> signedIn = new LinkedHashMap<>();
            signedIn.put("events", "/events");
            signedIn.put("event-new", "/events/new");
            signedIn.put("overview", "/events/" + event);
            signedIn.put("brief", "/events/" + event + "/brief");
            signedIn.put("event-delete", "/events/" + event + "/delete");
            String e = "/events/" + event;
            signedIn.put("guests", e + "/guests");
            signedIn.put("guests-yes", e + "/guests?rsvp=yes");
            signedIn.put("guest", e + "/guests/" + ids.get("guest"));
            signedIn.put("guest-delete", e + "/guests/" + ids.get("guest") + "/delete");
            signedIn.put("household", e + "/households/" + ids.get("household"));
            signedIn.put("checklist", e + "/tasks");
            signedIn.put("checklist-overdue", e + "/tasks?filter=overdue");
            signedIn.put("task", e + "/tasks/" + ids.get("task"));
            signedIn.put("task-delete", e + "/tasks/" + ids.get("task") + "/delete");
            signedIn.put("timeline", e + "/timeline");
            signedIn.put("members", e + "/members");
            signedIn.put("notifications", "/notifications");
            signedIn.put("profile", "/profile");
            signedIn.put("import", "/events/import");
            signedIn.put("budget", e + "/budget");
            signedIn.put("budget-item", e + "/budget/" + ids.get("item"));
            try (Browser gerda = Browser.open(server)) {
                gerda.driver.get(invite);
                tourHere(gerda, "invite", problems);
                gerda.press("main", "Join the event");
                gerda.await("the event, joined", () -> gerda.path().equals("/events/" + event));
                String gerdas = gerda.cookie("eventa_session").getValue();
                server.api().call("POST", "/api/v1/events/" + event + "/tasks/" + ids.get("done") + "/complete",
                        "{\"done\": true, \"version\": 1}", gerdas, 200);
            }
            visitor.go(e + "/budget/" + ids.get("item"));
            Path photo = dir.resolve("bouquet-invoice.png");
            java.nio.file.Files.write(photo, WebBudgetTest.png(120, 80, 1));
            visitor.find("form.upload input[type=file]").sendKeys(photo.toString());
            visitor.press("#receipts", "Attach");
            visitor.await("the attached receipt", () -> visitor.pageText().contains("Attached"));
            tour(visitor, signedIn, problems);
        }
        assertEquals(List.of(), problems);
    }

    /** Gives the event a brief, households and guests, tasks and a budget, through the API; the ids of one of each. */
    private static Map<String, String> plan(String event, String bearer) throws Exception {
        TestApi api = server.api();
        String e = "/api/v1/events/" + event;
        api.call("PATCH", e, "{\"version\": 1, \"location\": \"Schloss Hof\", \"planned_budget_cents\": 3500000,"
                + " \"notes\": \"Ceremony at 2 pm in the orangery, dinner and dancing after.\"}", bearer, 200);
        JsonNode mullers = api.call("POST", e + "/households", "{\"name\": \"The Müllers\", \"address\": \"Hauptstraße 1, 1010 Wien\"}", bearer, 201);
        JsonNode smiths = api.call("POST", e + "/households", "{\"name\": \"The Smiths\"}", bearer, 201);
        JsonNode anna = api.call("POST", e + "/guests", "{\"household_id\": \"" + mullers.path("id").asText() + "\", \"name\": \"Anna Müller\","
                + " \"rsvp\": \"yes\", \"plus_one\": true, \"meal_choice\": \"Fish\"}", bearer, 201);
        api.call("POST", e + "/guests", "{\"household_id\": \"" + mullers.path("id").asText() + "\", \"name\": \"Lukas Müller\","
                + " \"rsvp\": \"maybe\", \"child\": true, \"dietary_notes\": \"No nuts\"}", bearer, 201);
        api.call("POST", e + "/guests", "{\"household_id\": \"" + smiths.path("id").asText() + "\", \"name\": \"Sam Smith\","
                + " \"rsvp\": \"no\"}", bearer, 201);
        JsonNode florist = api.call("POST", e + "/tasks", "{\"title\": \"Book the florist\", \"due_on\": \"2027-05-01\","
                + " \"notes\": \"Peonies if they are in season.\"}", bearer, 201);
        api.call("POST", e + "/tasks", "{\"title\": \"Send the invitations\", \"due_on\": \"2026-01-10\"}", bearer, 201);
        api.call("POST", e + "/tasks", "{\"title\": \"Choose the music\"}", bearer, 201);
        JsonNode rings = api.call("POST", e + "/tasks", "{\"title\": \"Pick up the rings\", \"due_on\": \"2027-06-01\"}", bearer, 201);
        JsonNode bouquets = api.call("POST", e + "/budget-items", "{\"category\": \"Flowers\", \"title\": \"Bouquets\", \"estimated_cents\": 80000,"
                + " \"paid_cents\": 20000}", bearer, 201);
        api.call("POST", e + "/budget-items", "{\"category\": \"Venue\", \"title\": \"Schloss Hof\", \"estimated_cents\": 1500000,"
                + " \"actual_cents\": 1450000, \"paid_cents\": 500000, \"vendor\": \"Schloss Hof GmbH\"}", bearer, 201);
        return Map.of("household", mullers.path("id").asText(), "guest", anna.path("id").asText(),
                "task", florist.path("id").asText(), "done", rings.path("id").asText(), "item", bouquets.path("id").asText());
    }

    private static void tour(Browser browser, Map<String, String> pages, List<String> problems) {
        pages.forEach((name, path) -> {
            browser.go(path);
            tourHere(browser, name, problems);
        });
    }

    /** The checks at both widths for the page the browser shows now. */
    private static void tourHere(Browser browser, String name, List<String> problems) {
        for (int width : new int[] {1280, 390}) {
            browser.driver.manage().window().setSize(new Dimension(width, 900));
            browser.accessibilityProblems().forEach(p -> problems.add(name + " @" + width + ": " + p));
            if (width == 390) {
                long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
                if (overflow > 0) {
                    problems.add(name + " @390: scrolls sideways by " + overflow + " px");
                }
            } else {
                unreachable(browser).forEach(p -> problems.add(name + ": cannot be reached with Tab: " + p));
            }
            Screens.check(name + "-" + width + ".png", browser.screenshot()).ifPresent(problems::add);
        }
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** The visible links, buttons and fields that pressing Tab never reaches. */
    @SuppressWarnings("unchecked")
    private static List<String> unreachable(Browser browser) {
        long count = (Long) browser.script("""
                const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
                  .filter(e => !e.disabled && e.offsetParent !== null
                    && !(e.tagName !== 'SUMMARY' && e.closest('details:not([open])')));
                all.forEach((e, i) => e.dataset.kb = i);
                document.activeElement && document.activeElement.blur();
                window.__reached = new Set();
                document.addEventListener('focusin', ev => ev.target.dataset && ev.target.dataset.kb && window.__reached.add(ev.target.dataset.kb));
                return all.length;""");
        org.openqa.selenium.interactions.Actions keyboard = new org.openqa.selenium.interactions.Actions(browser.driver);
        for (int i = 0; i < count + 3; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        return (List<String>) browser.script("""
                return [...document.querySelectorAll('[data-kb]')].filter(e => !window.__reached.has(e.dataset.kb))
                  .map(e => e.tagName.toLowerCase() + ' "' + (e.innerText || e.name || e.id || '').trim().slice(0, 40) + '"');""");
    }
}
