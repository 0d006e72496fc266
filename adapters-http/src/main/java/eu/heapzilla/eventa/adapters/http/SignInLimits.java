package eu.heapzilla.eventa.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How often sign-in may be attempted. Each limit is a number of requests per period; spent
 * allowance comes back gradually over the period.
 *
 * @param linksPerEmail   sign-in mails to one address
 * @param linksPerAddress sign-in mails requested from one client address
 * @param verifyPerAddress token verifications from one client address
 */
public record SignInLimits(Limit linksPerEmail, Limit linksPerAddress, Limit verifyPerAddress) {

    /** Five mails an hour to an address is plenty for a person and little use to a spammer. */
    public static final SignInLimits DEFAULT = new SignInLimits(
            new Limit(5, Duration.ofHours(1)),
            new Limit(30, Duration.ofHours(1)),
            new Limit(30, Duration.ofMinutes(10)));

    public SignInLimits {
        Objects.requireNonNull(linksPerEmail, "linksPerEmail");
        Objects.requireNonNull(linksPerAddress, "linksPerAddress");
        Objects.requireNonNull(verifyPerAddress, "verifyPerAddress");
    }

    /** {@code requests} per {@code period}. */
    public record Limit(int requests, Duration period) {

        public Limit {
            if (requests < 1) {
                throw new IllegalArgumentException("a limit allows at least one request");
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit's period is positive");
            }
        }
    }
}
