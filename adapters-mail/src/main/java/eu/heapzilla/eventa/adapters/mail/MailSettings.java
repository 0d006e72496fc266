package eu.heapzilla.eventa.adapters.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How mail leaves the server.
 *
 * @param resendApiKey       Resend API key ({@code RESEND_API_KEY}); without one (or a blank
 *                           one) mail is written to {@code developmentMailDir} instead of sent
 * @param from               sender, as {@code hi@example.com} or {@code eventa <hi@example.com>}
 *                           ({@code EVENTA_MAIL_FROM}); with Resend its domain must be verified there
 * @param baseUrl            where people reach the server ({@code EVENTA_BASE_URL}), e.g.
 *                           {@code http://localhost:8080}; links in mails start with it. A trailing
 *                           slash is dropped.
 * @param developmentMailDir where the development mailer writes its {@code .eml} files; made
 *                           absolute
 */
public record MailSettings(Optional<String> resendApiKey, String from, String baseUrl, Path developmentMailDir) {

    public MailSettings {
        Objects.requireNonNull(resendApiKey, "resendApiKey");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(developmentMailDir, "developmentMailDir");
        resendApiKey = resendApiKey.map(String::strip).filter(key -> !key.isEmpty());
        from = sender(from);
        baseUrl = checkedBaseUrl(baseUrl.strip());
        developmentMailDir = developmentMailDir.toAbsolutePath().normalize();
    }

    /**
     * {@code from} as a sender: {@code hi@example.com} or {@code Name <hi@example.com>}, trimmed.
     * The one rule for senders, so configuration can check it before anything starts.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String sender(String from) {
        String trimmed = from.strip();
        try {
            new InternetAddress(trimmed, true).validate();
            return trimmed;
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail sender '" + trimmed + "' is not a valid address: " + e.getMessage(), e);
        }
    }

    private static String checkedBaseUrl(String baseUrl) {
        String trimmed = baseUrl;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException(
                        "base URL '" + baseUrl + "' must be an http(s) URL without query or fragment");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base URL '" + baseUrl + "' is not a valid URL: " + e.getMessage(), e);
        }
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return "MailSettings[resendApiKey=" + (resendApiKey.isPresent() ? "[redacted]" : "none")
                + ", from=" + from + ", baseUrl=" + baseUrl + ", developmentMailDir=" + developmentMailDir + "]";
    }
}
