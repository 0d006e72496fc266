package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * An event's people (invites, joining from the mail in a second browser, roles, removing,
 * leaving, the last owner), the profile, notifications, export and import, and forged forms and
 * sockets being refused.
 */
class WebPeopleTest extends BrowserTests {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anInviteeJoinsFromTheMailInTheirOwnBrowserAndOnceRemovedIsRefused() throws Exception {
        try (Browser owner = Browser.open(server)) {
            owner.signIn("olivia@example.org");
            String event = owner.createEvent("Olivia & Ben", "2027-06-12");
            owner.go("/events/" + event + "/members");
            assertTrue(owner.text("#members").contains("olivia@example.org"), owner.pageText());
            assertTrue(owner.text("#invites").contains("No open invites"));
            assertEquals(List.of(), owner.accessibilityProblems());

            owner.find("#invite-email").click();
            assertEquals("invite-role", tab(owner).getAttribute("id"), "TAB goes from the address to the role");
            assertEquals("Send invite", tab(owner).getText(), "and on to the button");

            String link = invite(owner, event, "ben@example.org", "editor");
            WebElement pending = owner.find("li[data-invite='ben@example.org']");
            assertTrue(pending.getText().contains("pending") && pending.getText().contains("as editor")
                    && pending.getText().contains("invited by olivia"), pending.getText());

            try (Browser ben = Browser.open(server)) {
                ben.driver.get(link);
                assertTrue(ben.pageText().contains("invited you to plan Olivia & Ben"), ben.pageText());
                ben.press("main", "Join the event");
                ben.await("the event's overview", () -> ben.path().equals("/events/" + event));
                assertTrue(ben.text("h1").contains("Olivia & Ben"));
                assertNotNull(ben.cookie("eventa_session"), "joining signed this browser in");
                String benCookie = ben.cookie("eventa_session").getValue();
                ben.await("the live connection", () -> "true".equals(ben.find("body").getAttribute("data-live-connected")));

                // presence is recorded a moment after the socket subscribes
                owner.await("ben shown online", () -> {
                    owner.go("/events/" + event + "/members");
                    return owner.text("li[data-member='ben@example.org']").contains("online now");
                });
                WebElement row = owner.find("li[data-member='ben@example.org']");
                assertEquals("editor", row.findElement(org.openqa.selenium.By.cssSelector("[data-testid=role]")).getText());
                assertTrue(owner.text("#invites").contains("No open invites"), "the used invite is no longer open");

                owner.press("li[data-member='ben@example.org']", "Remove…");
                owner.await("the question before removing", () -> owner.text("h1").contains("Remove ben from Olivia & Ben?"));
                owner.press("main", "Remove ben");
                owner.await("the members page", () -> owner.path().startsWith("/events/" + event + "/members"));
                assertTrue(owner.pageText().contains("ben was removed"), owner.pageText());
                assertTrue(owner.all("li[data-member='ben@example.org']").isEmpty());

                ben.go("/events/" + event);
                assertEquals("404", ben.find(".error").getAttribute("data-status"));
                assertTrue(ben.pageText().contains("no longer) a member"), ben.pageText());
                assertEquals(404, get("/events/" + event, benCookie).statusCode(), "the server refuses it, not just the page");
                ben.go("/events");
                assertFalse(ben.pageText().contains("Olivia & Ben"), ben.pageText());
                assertTrue(ben.pageText().contains("No events yet"));
            }
        }
    }

    @Test
    void rolesChangeTheLastOwnerStaysAndAWithdrawnInviteNoLongerWorks() throws Exception {
        try (Browser owner = Browser.open(server)) {
            owner.signIn("paula@example.org");
            String event = owner.createEvent("Paula's party", "2027-08-01");
            JsonNode quinn = accept(invite(owner, event, "quinn@example.org", "viewer"));
            String quinnBearer = quinn.get("bearer").asText();
            owner.go("/events/" + event + "/members");
            assertEquals("viewer", role(owner, "quinn@example.org"));

            owner.set("li[data-member='quinn@example.org'] select", "editor");
            owner.press("li[data-member='quinn@example.org']", "Change role");
            owner.await("the new role", () -> owner.pageText().contains("quinn is now an editor"));
            owner.go("/events/" + event + "/members");
            assertEquals("editor", role(owner, "quinn@example.org"), "saved, not just shown");

            // the only owner can neither step down nor leave
            owner.set("li[data-member='paula@example.org'] select", "viewer");
            owner.press("li[data-member='paula@example.org']", "Change role");
            owner.await("the refusal", () -> owner.all("#problem").size() == 1);
            assertTrue(owner.text("#problem").contains("An event always needs an owner"), owner.text("#problem"));
            owner.go("/events/" + event + "/members");
            assertEquals("owner", role(owner, "paula@example.org"));
            owner.press("li[data-member='paula@example.org']", "Leave the event…");
            owner.press("main", "Leave the event");
            owner.await("the refusal", () -> owner.all("#problem").size() == 1);
            assertTrue(owner.text("#problem").contains("An event always needs an owner"));
            owner.go("/events");
            assertTrue(owner.pageText().contains("Paula's party"), "still a member");

            // inviting a member again, or a malformed address, is refused with the typed text kept
            owner.go("/events/" + event + "/members");
            owner.type("#invite-email", "quinn@example.org");
            owner.press("#invite", "Send invite");
            owner.await("the refusal", () -> owner.all("#problem").size() == 1);
            assertTrue(owner.text("#problem").contains("quinn@example.org is already a member"), owner.text("#problem"));
            assertEquals("quinn@example.org", owner.find("#invite-email").getAttribute("value"));
            owner.script("document.querySelector('#invite form').noValidate = true;");
            owner.type("#invite-email", "not-an-address");
            owner.press("#invite", "Send invite");
            owner.await("the refusal", () -> owner.all("#problem").size() == 1 && owner.text("#problem").contains("whole email"));
            assertEquals("not-an-address", owner.find("#invite-email").getAttribute("value"));

            // a withdrawn invite's link can't be used
            String ritasLink = invite(owner, event, "rita@example.org", "editor");
            owner.press("li[data-invite='rita@example.org']", "Revoke");
            owner.await("the notice", () -> owner.pageText().contains("The invite was withdrawn"));
            assertTrue(owner.all("li[data-invite='rita@example.org']").isEmpty());
            owner.driver.get(ritasLink);
            assertTrue(owner.pageText().contains("can't be used"), owner.pageText());
            assertTrue(owner.pageText().contains("withdrawn"), owner.pageText());

            // with another owner, the first may leave: they land on their events with a notice
            owner.go("/events/" + event + "/members");
            owner.set("li[data-member='quinn@example.org'] select", "owner");
            owner.press("li[data-member='quinn@example.org']", "Change role");
            owner.await("the new role", () -> owner.pageText().contains("quinn is now an owner"));
            owner.press("li[data-member='paula@example.org']", "Leave the event…");
            owner.await("the question before leaving", () -> owner.text("h1").contains("Leave Paula's party?"));
            owner.press("main", "Leave the event");
            owner.await("the event list", () -> owner.path().startsWith("/events?") || owner.path().equals("/events"));
            assertTrue(owner.pageText().contains("You left \u201cPaula's party\u201d"), owner.pageText());
            assertFalse(owner.text("#events").contains("Paula's party"));
            String members = server.api().call("GET", "/api/v1/events/" + event + "/members", null, quinnBearer, 200).toString();
            assertFalse(members.contains("paula@example.org"), members);
        }
    }

    @Test
    void aPersonSetsTheNameTheOthersSee() throws Exception {
        try (Browser browser = Browser.open(server)) {
            browser.signIn("sophie@example.org");
            String event = browser.createEvent("Sophie's day", "2027-09-09");
            browser.press(".account", "Profile");
            browser.await("the profile", () -> browser.path().equals("/profile"));
            assertEquals("sophie", browser.find("#display_name").getAttribute("value"));
            assertEquals(List.of(), browser.accessibilityProblems());
            browser.type("#display_name", "Sophie Brandt");
            browser.press("main", "Save");
            browser.await("the notice", () -> browser.pageText().contains("the others now see you as Sophie Brandt"));
            browser.go("/events/" + event + "/members");
            assertTrue(browser.text("li[data-member='sophie@example.org']").contains("Sophie Brandt"));

            browser.go("/profile");
            browser.script("document.querySelector('#profile form').noValidate = true;");
            browser.type("#display_name", "   ");
            browser.press("main", "Save");
            browser.await("the refusal", () -> browser.all("#name-error").size() == 1);
            assertTrue(browser.text("#name-error").contains("1 to 100 characters"));
            browser.go("/profile");
            assertEquals("Sophie Brandt", browser.find("#display_name").getAttribute("value"), "nothing was saved");
        }
    }

    @Test
    void notificationsShowWhatOthersDidAndMarkingThemReadDropsTheBadge() throws Exception {
        try (Browser owner = Browser.open(server)) {
            owner.signIn("nora@example.org");
            String event = owner.createEvent("Nora's wedding", "2027-05-01");
            owner.go("/notifications");
            assertTrue(owner.text("#notifications").contains("You're all caught up"));
            assertTrue(owner.all(".account .badge").isEmpty());

            String sam = accept(invite(owner, event, "sam@example.org", "editor")).get("bearer").asText();
            for (int i = 1; i <= 21; i++) {
                JsonNode task = server.api().call("POST", "/api/v1/events/" + event + "/tasks",
                        "{\"title\": \"Task " + i + "\"}", sam, 201);
                server.api().call("POST", "/api/v1/events/" + event + "/tasks/" + task.get("id").asText() + "/complete",
                        "{\"done\": true, \"version\": " + task.get("version").asLong() + "}", sam, 200);
            }
            owner.go("/events");
            assertEquals("22", owner.find(".account .badge").getAttribute("data-unread"), "the badge counts them");
            owner.find(".account a.bell").click();
            owner.await("the notifications", () -> owner.path().equals("/notifications"));
            List<WebElement> rows = owner.all("#notifications li");
            assertEquals(20, rows.size(), "one page");
            assertTrue(rows.get(0).getText().contains("sam marked 'Task 21' done"), rows.get(0).getText());
            assertTrue(rows.get(0).getText().contains("New"), "an unread marker in words");
            assertEquals("/events/" + event + "/tasks",
                    URI.create(rows.get(0).findElement(org.openqa.selenium.By.cssSelector(".meta a")).getAttribute("href")).getPath());
            assertTrue(rows.get(0).getText().contains("s ago"), rows.get(0).getText());
            assertEquals(List.of(), owner.accessibilityProblems());

            owner.press("main", "Older");
            owner.await("the older page", () -> owner.path().startsWith("/notifications?before="));
            List<WebElement> older = owner.all("#notifications li");
            assertEquals(2, older.size());
            assertTrue(older.get(0).getText().contains("sam marked 'Task 1' done"), older.get(0).getText());
            assertTrue(older.get(1).getText().contains("sam joined Nora's wedding"), older.get(1).getText());
            assertEquals("/events/" + event + "/members",
                    URI.create(older.get(1).findElement(org.openqa.selenium.By.cssSelector(".meta a")).getAttribute("href")).getPath());
            assertTrue(owner.all("a.button").stream().noneMatch(a -> a.getText().equals("Older")), "the last page");

            // marking one read swaps its row and the header in place (no reload), and is saved
            owner.go("/notifications");
            owner.script("window.__samePage = 'yes';");
            String first = owner.find("#notifications li").getAttribute("id");
            owner.script("document.querySelector('.filters a').focus();");
            WebElement button = tabUntil(owner, "Mark read", 8);
            button.sendKeys(Keys.ENTER);
            owner.await("the row read", () -> "false".equals(owner.find("#" + first).getAttribute("data-unread")));
            owner.await("the badge dropping", () -> "21".equals(owner.find(".account .badge").getAttribute("data-unread")));
            assertEquals("yes", owner.script("return window.__samePage;"), "htmx swapped the row, the page stayed");
            assertFalse(owner.find("#" + first).getText().contains("New"));
            owner.go("/notifications?unread=true");
            assertEquals("21", owner.find(".account .badge").getAttribute("data-unread"));
            assertTrue(owner.all("#" + first).isEmpty(), "the read one is not among the unread");
            assertEquals(20, owner.all("#notifications li").size());

            owner.press("main", "Mark all read");
            owner.await("the notice", () -> owner.pageText().contains("21 notifications marked read"));
            assertTrue(owner.all(".account .badge").isEmpty(), "no badge once all are read");
            owner.go("/notifications?unread=true");
            assertTrue(owner.text("#notifications").contains("You're all caught up"));
            owner.go("/notifications");
            assertEquals(20, owner.all("#notifications li").size(), "read ones stay in the list");
            assertTrue(owner.all("#notifications li.unread").isEmpty());
        }
    }

    @Test
    void anExportDownloadsAsAFileAndImportingItMakesANewEventButOtherFilesAreRefused() throws Exception {
        try (Browser browser = Browser.open(server)) {
            browser.signIn("emil@example.org");
            String event = browser.createEvent("Émil's Fest 2027", "2027-07-07");
            browser.go("/events/" + event + "/brief");
            @SuppressWarnings("unchecked")
            Map<String, Object> download = (Map<String, Object>) browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.text().then(body => done({status: r.status,
                        type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), body: body})))
                      .catch(e => done({status: -1, body: String(e)}));
                    """, "/events/" + event + "/export.json");
            assertEquals(200L, download.get("status"), String.valueOf(download.get("body")));
            assertTrue(String.valueOf(download.get("type")).startsWith("application/json"), String.valueOf(download.get("type")));
            assertEquals("attachment; filename=\"eventa-emil-s-fest-2027.json\"", download.get("disposition"));
            String body = (String) download.get("body");
            assertEquals("Émil's Fest 2027", TestApi.JSON.readTree(body).get("event").get("title").asText());

            Path export = dir.resolve("eventa-emil-s-fest-2027.json");
            Files.writeString(export, body);
            browser.go("/events/import");
            assertEquals(List.of(), browser.accessibilityProblems());
            browser.find("#file").sendKeys(export.toString());
            browser.press("main", "Import");
            browser.await("the imported event", () -> browser.path().matches("/events/[0-9a-f-]{36}(\\?.*)?")
                    && !browser.path().startsWith("/events/" + event));
            assertTrue(browser.text("h1").contains("Émil's Fest 2027"));
            assertTrue(browser.pageText().contains("Not imported: the receipts' files and the other members"), browser.pageText());
            assertEquals(2, eventsTitled(browser, "Émil's Fest 2027"));

            Path notes = dir.resolve("notes.txt");
            Files.writeString(notes, "Just some notes, not an export.");
            browser.go("/events/import");
            browser.find("#file").sendKeys(notes.toString());
            browser.press("main", "Import");
            browser.await("the refusal", () -> browser.all("#file-error").size() == 1);
            assertTrue(browser.text("#file-error").contains("\u201cnotes.txt\u201d can't be imported"), browser.text("#file-error"));
            assertTrue(browser.text("#file-error").contains("Nothing was created"));
            assertEquals("/events/import", browser.path());

            Path big = dir.resolve("big.json");
            Files.write(big, new byte[6 * 1024 * 1024]);
            browser.go("/events/import");
            browser.find("#file").sendKeys(big.toString());
            browser.press("main", "Import");
            browser.await("the refusal", () -> browser.pageText().toLowerCase().contains("too large")
                    || browser.pageText().contains("larger than"));
            assertEquals(2, eventsTitled(browser, "Émil's Fest 2027"), "nothing was created");
            assertEquals(2, browser.all("#events li").size(), "and no other event either");
        }
    }

    @Test
    void formsWithoutTheTokenOrFromAnotherSiteAndSocketsFromAnotherSiteChangeNothing() throws Exception {
        try (Browser browser = Browser.open(server)) {
            browser.signIn("fred@example.org");
            String event = browser.createEvent("Fred's feast", "2027-10-10");
            browser.go("/events/" + event + "/brief");
            String cookie = browser.cookie("eventa_session").getValue();
            String csrf = browser.find("body").getAttribute("data-csrf");
            String version = browser.find("input[name=version]").getAttribute("value");
            Map<String, String> rename = new LinkedHashMap<>(Map.of("version", version, "was.title", "Fred's feast",
                    "title", "Forged"));

            HttpResponse<String> noToken = post("/events/" + event + "/brief", cookie, rename, null);
            assertEquals(403, noToken.statusCode());
            assertTrue(noToken.body().contains("This form has expired"), noToken.body());

            Map<String, String> withToken = new LinkedHashMap<>(rename);
            withToken.put("_csrf", csrf);
            HttpResponse<String> foreign = post("/events/" + event + "/brief", cookie, withToken, "http://evil.example");
            assertEquals(403, foreign.statusCode());
            assertTrue(foreign.body().contains("sent from another site"), foreign.body());

            HttpResponse<String> invite = post("/events/" + event + "/invites", cookie,
                    Map.of("email", "mallory@example.org", "role", "owner"), null);
            assertEquals(403, invite.statusCode());

            browser.go("/events/" + event + "/brief");
            assertEquals("Fred's feast", browser.find("#title").getAttribute("value"), "the forged forms changed nothing");
            browser.go("/events/" + event + "/members");
            assertFalse(browser.pageText().contains("mallory"), "no invite was made");

            // the same form from this site with the token does go through: the refusals above were the guard's
            HttpResponse<String> own = post("/events/" + event + "/brief", cookie, withToken, server.base());
            assertEquals(303, own.statusCode(), own.body());
            browser.go("/events/" + event + "/brief");
            assertEquals("Forged", browser.find("#title").getAttribute("value"));

            Socket evil = socket(cookie, "http://evil.example");
            assertEquals(4401, evil.closed.get(10, TimeUnit.SECONDS), "a foreign page's socket is closed as unauthenticated");
            assertTrue(evil.texts.stream().anyMatch(t -> t.contains("auth_error")), evil.texts.toString());
            assertTrue(evil.texts.stream().noneMatch(t -> t.contains("\"hello\"")), evil.texts.toString());

            Socket mine = socket(cookie, server.base());
            mine.await("hello");
            mine.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    // ---- helpers

    /** Invites {@code email} from the members page and returns the mailed link. */
    private static String invite(Browser owner, String event, String email, String role) {
        Instant asked = Instant.now();
        owner.go("/events/" + event + "/members");
        owner.type("#invite-email", email);
        owner.set("#invite-role", role);
        owner.press("#invite", "Send invite");
        owner.await("the invite's notice", () -> owner.pageText().contains("Invite sent to " + email));
        return server.linkMailedTo(email, "invite", asked);
    }

    /** Accepts an invite as the app does, returning the joined JSON (with the new member's bearer). */
    private static JsonNode accept(String link) throws Exception {
        String token = link.substring(link.indexOf("token=") + "token=".length());
        return server.api().call("POST", "/api/v1/invites/" + token + "/accept", null, null, 200);
    }

    private static String role(Browser browser, String email) {
        return browser.find("li[data-member='" + email + "'] [data-testid=role]").getText();
    }

    private static long eventsTitled(Browser browser, String title) {
        browser.go("/events");
        return browser.all("#events li h2").stream().filter(h -> h.getText().equals(title)).count();
    }

    private static WebElement tab(Browser browser) {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        return browser.driver.switchTo().activeElement();
    }

    /** Presses TAB until the focused element's text is {@code text}. */
    private static WebElement tabUntil(Browser browser, String text, int most) {
        for (int i = 0; i < most; i++) {
            WebElement focused = tab(browser);
            if (focused.getText().strip().equals(text)) {
                return focused;
            }
        }
        throw new AssertionError("'" + text + "' is not reachable with " + most + " TABs");
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Cookie", "eventa_session=" + cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String cookie, Map<String, String> form, String origin) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Cookie", "eventa_session=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Socket socket(String cookie, String origin) throws Exception {
        Socket listener = new Socket();
        listener.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "eventa_session=" + cookie)
                .header("Origin", origin)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(server.base().replace("http://", "ws://") + "/api/v1/ws"), listener)
                .get(10, TimeUnit.SECONDS);
        return listener;
    }

    /** A live connection's frames as they arrive, and how it ended. */
    private static final class Socket implements WebSocket.Listener {

        final List<String> texts = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        void await(String type) {
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                if (texts.stream().anyMatch(t -> t.contains("\"" + type + "\""))) {
                    return;
                }
                Browser.sleep(25);
            }
            throw new AssertionError("no " + type + " frame, only " + texts + (closed.isDone() ? ", closed " + closed.join() : ""));
        }
    }
}
