package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/** Signing a browser in from the mailed link, the session cookie, signing out, and joining from an invite. */
class WebSignInTest extends BrowserTests {


    @Test
    void theMailedLinkSignsThisBrowserInWithAnHttpOnlyCookieAndLeavesNoTokenInTheAddressBar() {
        try (Browser browser = Browser.open(server)) {
            browser.go("/");
            assertTrue(browser.pageText().contains("Sign in with your email address"), browser.pageText());
            Instant asked = Instant.now();
            browser.type("#email", "jane@example.org");
            browser.press("main", "Send me a sign-in link");
            browser.await("the page saying a link was mailed", () -> browser.pageText().contains("Check your mail"));

            String link = server.linkMailedTo("jane@example.org", "verify", asked);
            browser.driver.get(link);
            assertEquals("/verify", browser.path(), "the page's script takes the token out of the address bar");
            assertTrue(browser.pageText().contains("Sign in to eventa"));
            browser.go("/events");
            assertTrue(browser.path().startsWith("/signin"), "looking at the link did not sign in: " + browser.path());

            browser.driver.get(link);
            browser.press("main", "Sign in");
            browser.await("the event list", () -> browser.path().equals("/events"));
            assertTrue(browser.pageText().contains("No events yet"), browser.pageText());
            Cookie session = browser.cookie("eventa_session");
            assertNotNull(session);
            assertTrue(session.isHttpOnly());
            assertEquals("Lax", session.getSameSite());
            assertFalse(session.isSecure(), "plain http: no Secure flag");

            browser.driver.get(link);
            browser.press("main", "Sign in");
            browser.await("the page saying a link works once", () -> browser.pageText().contains("can't be used"));
        }
    }

    @Test
    void signingOutEndsTheSessionAtTheNextRequestEvenWithTheOldCookie() {
        try (Browser browser = Browser.open(server)) {
            browser.signIn("tom@example.org");
            Cookie session = browser.cookie("eventa_session");
            browser.press(".account", "Sign out");
            browser.await("the sign-in page", () -> browser.path().startsWith("/signin"));
            assertTrue(browser.pageText().contains("You are signed out"));

            browser.driver.manage().addCookie(session);
            browser.go("/events");
            assertTrue(browser.path().startsWith("/signin"), "the old cookie no longer works: " + browser.path());
        }
    }
}
