package eu.heapzilla.eventa.adapters.push;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where pushes go. With both a credentials file and a project id they go to FCM; with neither
 * they are only logged; {@link PushDelivery#start} refuses one without the other.
 *
 * @param credentialsFile a Firebase service-account key, the JSON file the Firebase console
 *                        hands out ({@code GOOGLE_APPLICATION_CREDENTIALS}); made absolute
 * @param projectId       the Firebase project that sends ({@code EVENTA_FCM_PROJECT_ID}); a
 *                        blank one is none
 * @param connectTimeout  how long to wait for FCM's (and its token endpoint's) connection
 * @param readTimeout     how long to wait for each of their answers
 */
public record PushSettings(Optional<Path> credentialsFile, Optional<String> projectId,
                           Duration connectTimeout, Duration readTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public PushSettings {
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        Objects.requireNonNull(projectId, "projectId");
        credentialsFile = credentialsFile.map(file -> file.toAbsolutePath().normalize());
        projectId = projectId.map(String::strip).filter(id -> !id.isEmpty());
        checkTimeout("connectTimeout", connectTimeout);
        checkTimeout("readTimeout", readTimeout);
    }

    /** With the default timeouts, ten seconds each. */
    public PushSettings(Optional<Path> credentialsFile, Optional<String> projectId) {
        this(credentialsFile, projectId, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    private static void checkTimeout(String name, Duration timeout) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive and at most " + Integer.MAX_VALUE + " ms, not " + timeout);
        }
    }
}
