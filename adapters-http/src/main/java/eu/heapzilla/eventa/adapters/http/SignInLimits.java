package eu.heapzilla.eventa.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How often sign-in may be attempted; each limit is a {@link RateLimit}.
 *
 * @param linksPerEmail   sign-in mails to one address
 * @param linksPerAddress sign-in mails requested from one client address
 * @param verifyPerAddress token verifications from one client address
 */
public record SignInLimits(RateLimit linksPerEmail, RateLimit linksPerAddress, RateLimit verifyPerAddress) {

    /** Five mails an hour to an address is plenty for a person and little use to a spammer. */
    public static final SignInLimits DEFAULT = new SignInLimits(
            new RateLimit(5, Duration.ofHours(1)),
            new RateLimit(30, Duration.ofHours(1)),
            new RateLimit(30, Duration.ofMinutes(10)));

    public SignInLimits {
        Objects.requireNonNull(linksPerEmail, "linksPerEmail");
        Objects.requireNonNull(linksPerAddress, "linksPerAddress");
        Objects.requireNonNull(verifyPerAddress, "verifyPerAddress");
    }
}
