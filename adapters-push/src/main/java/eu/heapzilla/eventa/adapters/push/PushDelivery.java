package eu.heapzilla.eventa.adapters.push;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.ServiceAccountCredentials;
import eu.heapzilla.eventa.ports.out.PushGateway;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The push adapter's entry point. {@link #start} picks where pushes go (FCM when there are
 * credentials and a project, the log when there are neither); {@link #gateway()} is what the
 * core calls; {@link #description()} is for the start-up log; {@link #close()} releases the
 * Firebase SDK when the server stops.
 */
public final class PushDelivery implements AutoCloseable {

    static final String CREDENTIALS_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";
    static final String PROJECT_VARIABLE = "EVENTA_FCM_PROJECT_ID";

    private final PushGateway gateway;
    private final Runnable closer;

    private PushDelivery(PushGateway gateway, Runnable closer) {
        this.gateway = gateway;
        this.closer = closer;
    }

    /**
     * Starts push delivery as {@code settings} say.
     *
     * @throws IllegalArgumentException when only one of the credentials file and the project id
     *                                  is given, or the credentials file is not a readable
     *                                  service-account key
     */
    public static PushDelivery start(PushSettings settings) {
        // The SDK's own default is an HTTP/2 client this module does not ship; one request at a
        // time needs no more than the JDK's HttpURLConnection.
        return start(settings, new NetHttpTransport());
    }

    /**
     * As {@link #start(PushSettings)}, with FCM and the credentials' token endpoint reached
     * through {@code transport}: for tests, here and in other modules, to aim the SDK at a fake
     * server (see {@code FakeFcmServer} in this module's test jar).
     */
    public static PushDelivery start(PushSettings settings, HttpTransport transport) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(transport, "transport");
        if (settings.credentialsFile().isEmpty() && settings.projectId().isEmpty()) {
            return new PushDelivery(new LoggingPushGateway(), () -> { });
        }
        if (settings.credentialsFile().isEmpty()) {
            throw new IllegalArgumentException(CREDENTIALS_VARIABLE + " must be set when " + PROJECT_VARIABLE
                    + " is: the Firebase service-account key file that sends pushes for project "
                    + settings.projectId().get());
        }
        if (settings.projectId().isEmpty()) {
            throw new IllegalArgumentException(PROJECT_VARIABLE + " must be set when " + CREDENTIALS_VARIABLE
                    + " is: the id of the Firebase project that sends pushes");
        }
        ServiceAccountCredentials credentials = credentials(settings.credentialsFile().get(), transport);
        FcmPushGateway fcm = new FcmPushGateway(credentials, settings.projectId().get(), transport,
                settings.connectTimeout(), settings.readTimeout(), Clock.systemUTC());
        return new PushDelivery(fcm, fcm::close);
    }

    /** Neither the file's content nor the parser's message (which may quote it) goes into the error. */
    private static ServiceAccountCredentials credentials(Path file, HttpTransport transport) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(CREDENTIALS_VARIABLE + " names " + file
                    + ", which cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json), () -> transport);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(CREDENTIALS_VARIABLE + " names " + file
                    + ", which is not a valid Firebase service-account key (the JSON file with"
                    + " \"type\": \"service_account\" that the Firebase console hands out)");
        }
    }

    /** The out-port. */
    public PushGateway gateway() {
        return gateway;
    }

    /** One line for the start-up log: where pushes go. Never shows a credential. */
    public String description() {
        return gateway.description();
    }

    /** Releases the Firebase SDK (its app and threads); safe to call more than once. */
    @Override
    public void close() {
        closer.run();
    }
}
