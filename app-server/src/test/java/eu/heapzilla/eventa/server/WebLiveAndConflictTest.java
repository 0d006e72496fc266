package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Two people in one event, each in their own browser: an edit in one shows in the other within a
 * second, a form someone is typing in is not thrown away by it, and a stale save never overwrites:
 * other fields merge, the same field offers "Keep mine" or "Take theirs", and each does what it says.
 */
class WebLiveAndConflictTest extends BrowserTests {


    /** Jane's browser with an event, and Gerda's browser joined to it through the mailed invite. */
    private static String[] twoPeopleInOneEvent(Browser jane, Browser gerda, String janeEmail, String gerdaEmail) throws Exception {
        jane.signIn(janeEmail);
        String event = jane.createEvent("Jane & Tom's wedding", "2027-06-12");
        String bearer = jane.cookie("eventa_session").getValue();
        Instant invited = Instant.now();
        server.api().call("POST", "/api/v1/events/" + event + "/invites", "{\"email\": \"" + gerdaEmail + "\"}", bearer, 201);
        gerda.driver.get(server.linkMailedTo(gerdaEmail, "invite", invited));
        gerda.press("main", "Join the event");
        gerda.await("the event, joined", () -> gerda.path().equals("/events/" + event));
        return new String[] {event, bearer};
    }

    @Test
    void anEditInOneBrowserShowsInTheOtherWithinASecondAndSparesAFormBeingTyped() throws Exception {
        try (Browser jane = Browser.open(server); Browser gerda = Browser.open(server)) {
            String event = twoPeopleInOneEvent(jane, gerda, "jane@example.org", "gerda@example.org")[0];
            jane.go("/events/" + event);
            jane.await("the live connection", () -> "true".equals(jane.find("body").getAttribute("data-live-connected")));

            gerda.go("/events/" + event + "/brief");
            gerda.type("#location", "Schloss Hof");
            gerda.press("main", "Save");
            gerda.await("the saved brief", () -> gerda.pageText().contains("Saved."));
            Instant saved = Instant.now();
            jane.await("Gerda's place on Jane's overview", () -> jane.text("#overview").contains("Schloss Hof"), Duration.ofSeconds(5));
            long millis = Duration.between(saved, Instant.now()).toMillis();
            System.out.println("web live update: shown in the other browser " + millis + " ms after the save's page came back");
            assertTrue(millis < 1000, "shown after " + millis + " ms");

            jane.go("/events/" + event + "/brief");
            jane.await("the live connection", () -> "true".equals(jane.find("body").getAttribute("data-live-connected")));
            jane.type("#notes", "Jane is typing this");
            gerda.go("/events/" + event + "/brief");
            gerda.type("#location", "Orangerie");
            gerda.press("main", "Save");
            gerda.await("the saved brief", () -> gerda.pageText().contains("Saved."));
            Browser.sleep(1500);
            assertEquals("Jane is typing this", jane.find("#notes").getAttribute("value"), "a live refresh kept Jane's typing");
            assertEquals("Schloss Hof", jane.find("#location").getAttribute("value"), "her form stays as she had it");

            jane.press("main", "Save");
            jane.await("the merged save", () -> jane.pageText().contains("Saved."));
            assertEquals("Orangerie", jane.find("#location").getAttribute("value"), "Gerda's place is kept");
            assertEquals("Jane is typing this", jane.find("#notes").getAttribute("value"), "and Jane's notes are saved");
        }
    }

    @Test
    void aStaleSaveOfTheSameFieldOffersBothValuesAndEachChoiceDoesWhatItSays() throws Exception {
        try (Browser jane = Browser.open(server); Browser gerda = Browser.open(server)) {
            String[] joined = twoPeopleInOneEvent(jane, gerda, "jane2@example.org", "gerda2@example.org");
            String event = joined[0];
            String bearer = joined[1];

            jane.go("/events/" + event + "/brief");
            jane.type("#title", "Our wedding");
            gerda.go("/events/" + event + "/brief");
            gerda.type("#title", "The Big Day");
            gerda.press("main", "Save");
            gerda.await("the saved brief", () -> gerda.pageText().contains("Saved."));

            jane.press("main", "Save");
            jane.await("the conflict", () -> !jane.all("#conflict").isEmpty());
            String conflict = jane.text("#conflict");
            assertTrue(conflict.contains("gerda2 changed this"), conflict);
            assertTrue(conflict.matches("(?s).*changed this \\d+ s ago.*"), conflict);
            assertEquals("Our wedding", jane.text("#conflict dd.mine"));
            assertEquals("The Big Day", jane.text("#conflict dd.theirs"));
            assertEquals("The Big Day", title(event, bearer), "nothing was overwritten");
            jane.press("#conflict", "Keep mine");
            jane.await("the save", () -> jane.pageText().contains("Saved."));
            assertEquals("Our wedding", title(event, bearer), "Keep mine wins on the server");

            gerda.go("/events/" + event + "/brief");
            jane.type("#title", "Jane's title");
            gerda.type("#title", "Gerda's title");
            gerda.press("main", "Save");
            gerda.await("the saved brief", () -> gerda.pageText().contains("Saved."));
            jane.press("main", "Save");
            jane.await("the conflict", () -> !jane.all("#conflict").isEmpty());
            jane.press("#conflict", "Take theirs");
            jane.await("the brief as Gerda left it", () -> jane.all("#conflict").isEmpty());
            assertEquals("Gerda's title", jane.find("#title").getAttribute("value"));
            assertEquals("Gerda's title", title(event, bearer), "Take theirs leaves Gerda's title");
        }
    }

    private static String title(String event, String bearer) throws Exception {
        JsonNode brief = server.api().call("GET", "/api/v1/events/" + event, null, bearer, 200);
        return brief.path("title").asText();
    }
}
