package eu.heapzilla.eventa.ports.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail could not be delivered. {@link #retryable()} says whether trying again may help, and
 * {@link #retryAfter()} how long the provider asked to be left alone, if it said.
 */
public class MailNotSent extends RuntimeException {

    private final boolean retryable;
    private final Optional<Duration> retryAfter;

    public MailNotSent(String message, boolean retryable, Throwable cause) {
        this(message, retryable, Optional.empty(), cause);
    }

    public MailNotSent(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
