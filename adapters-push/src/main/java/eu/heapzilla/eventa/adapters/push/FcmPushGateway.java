package eu.heapzilla.eventa.adapters.push;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import eu.heapzilla.eventa.ports.out.PushGateway;
import eu.heapzilla.eventa.ports.out.PushMessage;
import eu.heapzilla.eventa.ports.out.PushOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each push as one FCM v1 {@code messages:send} call through the Firebase Admin SDK
 * ({@link FcmMessages} builds the message, {@link FcmFailures} reads a failure). Each gateway
 * has its own {@link FirebaseApp}, under a name of its own, which {@link #close()} deletes; so
 * several can live in one JVM.
 *
 * <p>One call is one attempt, as far as the SDK allows; the outbox behind the port retries with
 * its own backoff. Two kinds of retry are inside the SDK:
 * <ul>
 *   <li>The access token. Its requests to the credentials' token endpoint would be retried
 *       three times with backoff (on 408, 429, 500, 503 and I/O errors); that is switched off
 *       ({@link ServiceAccountCredentials#createWithCustomRetryStrategy}), so a token endpoint
 *       that fails ends the call.</li>
 *   <li>The send itself. The SDK gives every request a fixed retry policy with no public switch
 *       ({@code ApiClientUtils.DEFAULT_RETRY_CONFIG}, applied inside
 *       {@code FirebaseMessagingClientImpl}): a 503 is sent again up to four times, after 0.5,
 *       1, 2 and 4 s, or after the {@code Retry-After} FCM names if that is at most 60 s (a
 *       longer one ends the retries at once); and a 401 makes the credentials fetch a new
 *       access token and send again, within the same four. No other status (429 and 500
 *       included) and no I/O error is retried. So a steady 503 costs five requests and at
 *       least 7.5 s, at most about four minutes with {@code Retry-After: 60}; a steady 401
 *       five requests and six token requests. Each request is bounded by the connect and read
 *       timeouts. Turning this off would take the SDK's package-private builders; the tests
 *       pin the behaviour instead, so an upgrade that changes it shows.</li>
 * </ul>
 */
final class FcmPushGateway implements PushGateway, AutoCloseable {

    private static final AtomicLong APPS = new AtomicLong();

    private final String projectId;
    private final FirebaseApp app;
    private final FirebaseMessaging messaging;
    private final FcmFailures failures;
    private final AtomicBoolean closed = new AtomicBoolean();

    FcmPushGateway(ServiceAccountCredentials credentials, String projectId, HttpTransport transport,
                   Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        FirebaseOptions options = FirebaseOptions.builder()
                .setCredentials(credentials.createWithCustomRetryStrategy(false))
                .setProjectId(projectId)
                .setHttpTransport(transport)
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                .build();
        this.app = FirebaseApp.initializeApp(options, "eventa-push-" + APPS.incrementAndGet());
        this.messaging = FirebaseMessaging.getInstance(app);
        this.failures = new FcmFailures(clock);
    }

    @Override
    public PushOutcome send(PushMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed.get()) {
            throw new IllegalStateException("the FCM push gateway for project " + projectId + " is closed");
        }
        try {
            return new PushOutcome.Sent(messaging.send(FcmMessages.of(message)));
        } catch (FirebaseMessagingException e) {
            return failures.outcome(e);
        }
    }

    String appName() {
        return app.getName();
    }

    @Override
    public String description() {
        return "FCM, project " + projectId;
    }

    /** Deletes this gateway's FirebaseApp, and with it the SDK's threads; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.delete();
        }
    }
}
