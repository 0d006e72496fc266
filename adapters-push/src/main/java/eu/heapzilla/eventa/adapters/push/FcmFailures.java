package eu.heapzilla.eventa.adapters.push;

import com.google.auth.Retryable;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed send means for the outbox, from FCM's answer (its {@code FcmError} code and
 * HTTP status) or from the lack of one.
 * <ul>
 *   <li>{@link PushOutcome.TokenGone}: {@code UNREGISTERED}, {@code SENDER_ID_MISMATCH}, and
 *       {@code INVALID_ARGUMENT} about the token. FCM gives {@code INVALID_ARGUMENT} for a bad
 *       message field too, and then names the field in a {@code google.rpc.BadRequest} detail;
 *       when it names any field but {@code message.token}, the message is at fault and the
 *       outcome is {@link PushOutcome.Failed} instead, so that a bug here removes no device.</li>
 *   <li>{@link PushOutcome.Retry}: {@code QUOTA_EXCEEDED}, {@code UNAVAILABLE}, {@code INTERNAL},
 *       any 408, 429, 500, 502, 503 or 504, and no answer at all (refused, reset, timed out).
 *       {@code after} comes from a {@code Retry-After} header.</li>
 *   <li>An access token that could not be had is a {@link PushOutcome.Retry} when the token
 *       endpoint may recover (it was unreachable or answered 408, 429, 500 or 503) and
 *       {@link PushOutcome.Failed} when it refused the credentials.</li>
 *   <li>Anything else (401, 403, {@code THIRD_PARTY_AUTH_ERROR}, {@code PERMISSION_DENIED}, a
 *       404 for an unknown project) is {@link PushOutcome.Failed}.</li>
 * </ul>
 * Reasons are one line of at most about 300 characters; anything that looks like a bearer token
 * is blanked out of them.
 */
final class FcmFailures {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
    private static final Set<MessagingErrorCode> TRANSIENT =
            EnumSet.of(MessagingErrorCode.QUOTA_EXCEEDED, MessagingErrorCode.UNAVAILABLE, MessagingErrorCode.INTERNAL);
    private static final Pattern FIELD_VIOLATION = Pattern.compile("\"field\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[^\\s\"',]+");
    private static final int LONGEST_REASON = 300;

    private final Clock clock;

    FcmFailures(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    PushOutcome outcome(FirebaseMessagingException failure) {
        IncomingHttpResponse response = failure.getHttpResponse();
        if (response == null) {
            return unanswered(failure);
        }
        int status = response.getStatusCode();
        MessagingErrorCode code = failure.getMessagingErrorCode();
        // HttpURLConnection drops the body of a 401 (it would want to retry the authentication).
        String details = response.getContent() == null ? " (no details)" : ": " + failure.getMessage();
        String reason = oneLine("FCM answered " + status + " " + (code != null ? code : failure.getErrorCode()) + details);
        if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.SENDER_ID_MISMATCH) {
            return new PushOutcome.TokenGone(reason);
        }
        if (code == MessagingErrorCode.INVALID_ARGUMENT) {
            return blamesAnotherField(response.getContent())
                    ? new PushOutcome.Failed(reason)
                    : new PushOutcome.TokenGone(reason);
        }
        if ((code != null && TRANSIENT.contains(code)) || RETRYABLE_STATUSES.contains(status)) {
            return new PushOutcome.Retry(RetryAfter.parse(header(response, "Retry-After"), clock), reason);
        }
        return new PushOutcome.Failed(reason);
    }

    private static PushOutcome unanswered(FirebaseMessagingException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Retryable tokenEndpoint) {
                String reason = oneLine("no access token for FCM: " + causes(cause));
                return tokenEndpoint.isRetryable()
                        ? new PushOutcome.Retry(Optional.empty(), reason)
                        : new PushOutcome.Failed(reason);
            }
        }
        return new PushOutcome.Retry(Optional.empty(), oneLine("FCM did not answer: " + causes(failure.getCause())));
    }

    private static boolean blamesAnotherField(String content) {
        if (content == null) {
            return false;
        }
        Matcher field = FIELD_VIOLATION.matcher(content);
        while (field.find()) {
            if (!field.group(1).equals("message.token")) {
                return true;
            }
        }
        return false;
    }

    private static String header(IncomingHttpResponse response, String name) {
        for (Map.Entry<String, Object> header : response.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                Object value = header.getValue();
                if (value instanceof List<?> values) {
                    return values.isEmpty() ? null : String.valueOf(values.get(0));
                }
                return value == null ? null : value.toString();
            }
        }
        return null;
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < LONGEST_REASON; t = t.getCause()) {
            if (t.getCause() != null && t.getMessage() != null && t.getMessage().equals(t.getCause().toString())) {
                continue; // a wrapper that only repeats its cause
            }
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.length() == 0 ? "no cause given" : text.toString();
    }

    static String oneLine(String text) {
        String line = BEARER.matcher(text).replaceAll("Bearer [redacted]").replaceAll("\\s+", " ").strip();
        return line.length() <= LONGEST_REASON ? line : line.substring(0, LONGEST_REASON) + "...";
    }
}
