package eu.heapzilla.eventa.adapters.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-in forms' limits, the same as the API's: five links an hour per address, twenty link
 * requests and sixty verifications an hour from one network. Fixed windows per key, kept in this
 * process and dropped once their hour is over.
 */
final class SignInThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    void linkFor(String email) {
        take("link:" + email, 5, "This address was sent several sign-in links in the last hour. Use the newest one, or try again later.");
    }

    void linkFrom(String client) {
        take("from:" + client, 20, "Many sign-in links were asked for from your network. Try again in an hour.");
    }

    void verifyFrom(String client) {
        take("verify:" + client, 60, "Many sign-in attempts came from your network. Try again in an hour.");
    }

    private void take(String key, int allowed, String advice) {
        Instant now = Instant.now();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> w.start.plus(WINDOW).isBefore(now));
        }
        Window window = windows.compute(key, (k, w) -> w == null || w.start.plus(WINDOW).isBefore(now) ? new Window(now, 1)
                : new Window(w.start, w.count + 1));
        if (window.count > allowed) {
            throw new Refused(429, "Too many tries", advice);
        }
    }

    private record Window(Instant start, int count) {
    }
}
