package eu.heapzilla.eventa.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * A whole eventa server started inside the calling JVM, configured exactly as {@code serve} is
 * (the same variables, the same defaults: an embedded PostgreSQL under {@code EVENTA_DATA_DIR}
 * unless {@code EVENTA_DATABASE_URL} names one). The client's tests drive their app against it.
 */
public final class EventaServer implements AutoCloseable {

    private final Server server;
    private final String baseUrl;

    private EventaServer(Server server, String baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts a server for {@code environment} (variables as in {@code .env.example}), resolving
     * relative paths against {@code workingDirectory}.
     *
     * @throws IllegalArgumentException when the configuration is refused, with the reason
     */
    public static EventaServer start(Map<String, String> environment, Path workingDirectory) {
        Config config;
        try {
            config = Config.from(environment, workingDirectory);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new EventaServer(Server.start(config), config.baseUrl());
    }

    /** The port HTTP listens on. */
    public int port() {
        return server.port();
    }

    /** The public base URL links are built with ({@code EVENTA_BASE_URL}). */
    public String baseUrl() {
        return baseUrl;
    }

    /** Stops HTTP, the workers and the embedded database, if one was started. */
    @Override
    public void close() {
        server.close();
    }
}
