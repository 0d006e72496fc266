package eu.heapzilla.eventa.adapters.http;

/** A rate limit was hit; the client may try again after {@link #retryAfterSeconds()}. */
final class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyRequests(String what, long retryAfterSeconds) {
        super("too many " + what + "; try again in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
