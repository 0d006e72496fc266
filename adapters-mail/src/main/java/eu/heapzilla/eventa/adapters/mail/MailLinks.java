package eu.heapzilla.eventa.adapters.mail;

import eu.heapzilla.eventa.domain.access.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The links a sign-in or invite mail carries: the web page on the server and the app's deep link.
 * Public for whoever hands such a link over another way (the operator's command line prints it),
 * so that a token's text still leaves the core only through this adapter or the HTTP one.
 */
public final class MailLinks {

    static final String APP_SCHEME = "eventa://";

    private MailLinks() {
    }

    /** The sign-in page for {@code token}; {@code baseUrl} without a trailing slash. */
    public static String signIn(String baseUrl, Secret token) {
        return baseUrl + "/verify?token=" + query(token);
    }

    /** The invite page for {@code token}; {@code baseUrl} without a trailing slash. */
    public static String invite(String baseUrl, Secret token) {
        return baseUrl + "/invite?token=" + query(token);
    }

    static String signInInApp(Secret token) {
        return APP_SCHEME + "verify?token=" + query(token);
    }

    static String inviteInApp(Secret token) {
        return APP_SCHEME + "invite?token=" + query(token);
    }

    private static String query(Secret token) {
        return URLEncoder.encode(token.reveal(), StandardCharsets.UTF_8);
    }
}
