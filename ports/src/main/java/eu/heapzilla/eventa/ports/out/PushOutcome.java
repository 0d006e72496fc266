package eu.heapzilla.eventa.ports.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one push. Reasons are one line for the log, without credentials. */
public sealed interface PushOutcome {

    /** The push service accepted it; {@code messageId} is its name for the message. */
    record Sent(String messageId) implements PushOutcome {
        public Sent {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** The token no longer reaches a device (unregistered, or not a valid token): forget it. */
    record TokenGone(String reason) implements PushOutcome {
        public TokenGone {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Worth trying again (throttled, a server error, no connection); not before {@code after} if the service said so. */
    record Retry(Optional<Duration> after, String reason) implements PushOutcome {
        public Retry {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Will not succeed however often it is tried (bad credentials, a malformed message). */
    record Failed(String reason) implements PushOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
