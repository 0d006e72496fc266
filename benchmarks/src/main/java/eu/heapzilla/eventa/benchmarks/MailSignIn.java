package eu.heapzilla.eventa.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Signs people in the way a person running eventa locally does: asks for a magic link (or sends
 * an invite), finds the mail the development mailer wrote as an {@code .eml} file under
 * {@code <data dir>/mail/}, and trades the link's token for a bearer. Sign-in is rate-limited per
 * address and per client, so the benchmarks use a handful of people and share their bearers
 * among many connections.
 */
final class MailSignIn {

    private static final Pattern VERIFY_TOKEN = Pattern.compile("/verify\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern INVITE_TOKEN = Pattern.compile("/invite\\?token=([A-Za-z0-9_-]{43})");
    private static final long MAIL_WAIT_MILLIS = 20_000;

    /** A signed-in person: the bearer a device would keep, and who it is. */
    record SignedIn(String email, String userId, String bearer) {
    }

    private final Api api;
    private final Path mailDir;

    MailSignIn(Api api, Path mailDir) {
        this.api = api;
        this.mailDir = mailDir;
    }

    /** {@code POST /auth/magic-link}, the mail, {@code POST /auth/verify}. */
    SignedIn signIn(String email) throws IOException, InterruptedException {
        Set<Path> before = mails();
        api.call("POST", "/api/v1/auth/magic-link", null, Map.of("email", email), 202);
        String token = awaitToken(before, email, VERIFY_TOKEN);
        return signedIn(email, api.call("POST", "/api/v1/auth/verify", null, Map.of("token", token), 200));
    }

    /** The owner invites {@code email} to the event as an editor; the invite's link is accepted for a new bearer. */
    SignedIn invite(String ownerBearer, String event, String email) throws IOException, InterruptedException {
        Set<Path> before = mails();
        api.call("POST", "/api/v1/events/" + event + "/invites", ownerBearer, Map.of("email", email, "role", "editor"), 201);
        String token = awaitToken(before, email, INVITE_TOKEN);
        return signedIn(email, api.call("POST", "/api/v1/invites/" + token + "/accept", null, null, 200));
    }

    private static SignedIn signedIn(String email, JsonNode answer) {
        return new SignedIn(email, answer.get("user").get("id").asText(), answer.get("bearer").asText());
    }

    private String awaitToken(Set<Path> before, String email, Pattern link) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + MAIL_WAIT_MILLIS;
        String to = "To: " + email.toLowerCase(Locale.ROOT);
        while (System.currentTimeMillis() < deadline) {
            for (Path mail : mails()) {
                if (before.contains(mail)) {
                    continue;
                }
                // The development mailer writes 7bit/8bit parts, never quoted-printable: a link stays whole on its line.
                String text = Files.readString(mail, StandardCharsets.UTF_8);
                Matcher token = link.matcher(text);
                if (text.toLowerCase(Locale.ROOT).contains(to.toLowerCase(Locale.ROOT)) && token.find()) {
                    return token.group(1);
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no mail to " + email + " matching " + link + " appeared in " + mailDir);
    }

    private Set<Path> mails() throws IOException {
        if (!Files.isDirectory(mailDir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(mailDir)) {
            List<Path> eml = files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
            return new HashSet<>(eml);
        }
    }
}
