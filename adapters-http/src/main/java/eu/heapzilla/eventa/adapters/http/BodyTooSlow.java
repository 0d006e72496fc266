package eu.heapzilla.eventa.adapters.http;

import java.util.Optional;

/**
 * A request body larger than the API reads into memory arrived slower than the minimum rate
 * ({@link ClientLimits#minBodyBytesPerSecond()}): it is answered 408 {@code request_timeout}.
 * Jetty hands it to the reader wrapped in whatever its stream or multipart parser throws, so
 * {@link #in} looks for it among the causes.
 */
final class BodyTooSlow extends RuntimeException {

    BodyTooSlow(long minBytesPerSecond) {
        super("the request body arrived slower than " + minBytesPerSecond + " bytes a second", null, false, false);
    }

    /** This failure, when it is {@code failure} or one of its causes. */
    static Optional<BodyTooSlow> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooSlow slow) {
                return Optional.of(slow);
            }
        }
        return Optional.empty();
    }
}
