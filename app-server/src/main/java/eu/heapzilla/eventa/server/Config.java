package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.http.ClientLimits;
import eu.heapzilla.eventa.adapters.http.HttpSettings;
import eu.heapzilla.eventa.adapters.http.LiveSettings;
import eu.heapzilla.eventa.adapters.mail.MailSettings;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server can be told, from environment variables and an optional {@code .env}
 * file in the working directory (the environment wins). {@code .env.example} lists them all.
 */
record Config(
        Optional<String> databaseUrl,
        String host,
        int port,
        String baseUrl,
        Path dataDir,
        LogFormat logFormat,
        long maxBodyBytes,
        long fileMaxBytes,
        int databasePoolSize,
        Optional<String> resendApiKey,
        String mailFrom,
        boolean trustForwardedFor,
        Optional<Path> pushCredentials,
        Optional<String> fcmProjectId,
        int outboxWorkers,
        Duration pushCoalescing,
        Optional<String> metricsToken,
        int requestsPerMinute,
        int invitesPerEventPerDay,
        int liveMessagesPerMinute,
        ClientLimits clientLimits,
        int liveConnectionsPerUser,
        int liveConnectionsPerAddress) {

    enum LogFormat { TEXT, JSON }

    /** Every variable eventa reads, in the order {@code .env.example} explains them. */
    static final List<String> VARIABLES = List.of(
            "EVENTA_DATABASE_URL", "EVENTA_DATA_DIR", "EVENTA_HOST", "EVENTA_PORT", "EVENTA_BASE_URL", "EVENTA_LOG_FORMAT",
            "EVENTA_MAX_BODY_BYTES", "EVENTA_FILE_MAX_BYTES", "EVENTA_DATABASE_POOL_SIZE", "RESEND_API_KEY",
            "EVENTA_MAIL_FROM", "EVENTA_TRUST_FORWARDED_FOR", "GOOGLE_APPLICATION_CREDENTIALS", "EVENTA_FCM_PROJECT_ID",
            "EVENTA_PUSH_COALESCE_SECONDS", "EVENTA_OUTBOX_WORKERS", "EVENTA_METRICS_TOKEN",
            "EVENTA_RATE_REQUESTS_PER_MINUTE", "EVENTA_RATE_INVITES_PER_EVENT_PER_DAY", "EVENTA_RATE_LIVE_MESSAGES_PER_MINUTE",
            "EVENTA_HEAD_TIMEOUT_SECONDS", "EVENTA_BODY_TIMEOUT_SECONDS", "EVENTA_MIN_BODY_BYTES_PER_SECOND",
            "EVENTA_MAX_CONNECTIONS", "EVENTA_MAX_CONNECTIONS_PER_ADDRESS", "EVENTA_MAX_UPLOADS_AT_ONCE",
            "EVENTA_LIVE_CONNECTIONS_PER_USER", "EVENTA_LIVE_CONNECTIONS_PER_ADDRESS");

    static Config from(Map<String, String> environment, Path workingDirectory) {
        Map<String, String> values = new HashMap<>(dotEnv(workingDirectory));
        values.putAll(environment);
        Settings settings = new Settings(values);

        int port = settings.integer("EVENTA_PORT", 8080, 0, 65_535);
        return new Config(
                settings.optional("EVENTA_DATABASE_URL"),
                settings.text("EVENTA_HOST", "0.0.0.0"),
                port,
                settings.url("EVENTA_BASE_URL", "http://localhost:" + port),
                Path.of(settings.text("EVENTA_DATA_DIR", "eventa-data")).toAbsolutePath().normalize(),
                settings.choice("EVENTA_LOG_FORMAT", LogFormat.TEXT),
                settings.integer("EVENTA_MAX_BODY_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024),
                settings.integer("EVENTA_FILE_MAX_BYTES", 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
                settings.integer("EVENTA_DATABASE_POOL_SIZE", 10, 1, 200),
                settings.optional("RESEND_API_KEY"),
                mailFrom(settings),
                settings.bool("EVENTA_TRUST_FORWARDED_FOR", false),
                settings.optional("GOOGLE_APPLICATION_CREDENTIALS").map(Path::of).map(Path::toAbsolutePath),
                settings.optional("EVENTA_FCM_PROJECT_ID"),
                settings.integer("EVENTA_OUTBOX_WORKERS", 8, 1, 64),
                Duration.ofSeconds(settings.integer("EVENTA_PUSH_COALESCE_SECONDS", 10, 0, 3600)),
                settings.optional("EVENTA_METRICS_TOKEN"),
                settings.integer("EVENTA_RATE_REQUESTS_PER_MINUTE", 600, 60, 1_000_000),
                settings.integer("EVENTA_RATE_INVITES_PER_EVENT_PER_DAY", 50, 1, 10_000),
                settings.integer("EVENTA_RATE_LIVE_MESSAGES_PER_MINUTE", 120, 10, 100_000),
                clientLimits(settings),
                settings.integer("EVENTA_LIVE_CONNECTIONS_PER_USER", LiveSettings.DEFAULT_CONNECTIONS_PER_USER, 1, 1_000_000),
                settings.integer("EVENTA_LIVE_CONNECTIONS_PER_ADDRESS", LiveSettings.DEFAULT_CONNECTIONS_PER_ADDRESS, 1, 1_000_000));
    }

    /** Deadlines for sending a request, and how many connections and uploads clients may hold (ADR 0015). */
    private static ClientLimits clientLimits(Settings settings) {
        ClientLimits d = ClientLimits.DEFAULT;
        return new ClientLimits(
                Duration.ofSeconds(settings.integer("EVENTA_HEAD_TIMEOUT_SECONDS", (int) d.headTimeout().toSeconds(), 1, 300)),
                Duration.ofSeconds(settings.integer("EVENTA_BODY_TIMEOUT_SECONDS", (int) d.bodyTimeout().toSeconds(), 1, 3600)),
                settings.integer("EVENTA_MIN_BODY_BYTES_PER_SECOND", (int) d.minBodyBytesPerSecond(), 0, 100_000_000),
                settings.integer("EVENTA_MAX_CONNECTIONS", d.maxConnections(), 16, 1_000_000),
                settings.integer("EVENTA_MAX_CONNECTIONS_PER_ADDRESS", d.maxConnectionsPerAddress(), 1, 1_000_000),
                settings.integer("EVENTA_MAX_UPLOADS_AT_ONCE", d.maxStreamedBodies(), 1, 1000));
    }

    /**
     * A metrics token must not be guessable; FCM needs both the service account and the project it
     * sends for, or neither (pushes are then logged).
     */
    Config {
        if (metricsToken.isPresent() && !HttpSettings.isGoodMetricsToken(metricsToken.get())) {
            throw new ConfigException("EVENTA_METRICS_TOKEN must be at least " + HttpSettings.SHORTEST_METRICS_TOKEN
                    + " printable characters without spaces (e.g. openssl rand -hex 24)");
        }
        if (pushCredentials.isPresent() != fcmProjectId.isPresent()) {
            throw new ConfigException(pushCredentials.isPresent()
                    ? "EVENTA_FCM_PROJECT_ID must be set when GOOGLE_APPLICATION_CREDENTIALS is (the Firebase project to push through)"
                    : "GOOGLE_APPLICATION_CREDENTIALS must be set when EVENTA_FCM_PROJECT_ID is (the service account's JSON key file)");
        }
    }

    /** Resend refuses a sender outside a verified domain, so with a key the sender must be chosen. */
    private static String mailFrom(Settings settings) {
        Optional<String> from = settings.optional("EVENTA_MAIL_FROM");
        if (from.isEmpty() && settings.optional("RESEND_API_KEY").isPresent()) {
            throw new ConfigException("EVENTA_MAIL_FROM must be set when RESEND_API_KEY is, e.g. 'eventa <hello@your-domain.example>'");
        }
        String value = from.orElse("eventa <eventa@localhost>");
        try {
            return MailSettings.sender(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("EVENTA_MAIL_FROM must be an address or 'Name <address>', not '" + value + "'");
        }
    }

    private static Map<String, String> dotEnv(Path workingDirectory) {
        try {
            Map<String, String> entries = new HashMap<>();
            Dotenv.configure()
                    .directory(workingDirectory.toAbsolutePath().toString())
                    .ignoreIfMissing()
                    .load()
                    .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)
                    .forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
            return entries;
        } catch (DotenvException e) {
            throw new ConfigException(".env could not be read: " + e.getMessage());
        }
    }

    /** Typed reads with messages that say which variable is wrong and what it should be. */
    private record Settings(Map<String, String> values) {

        Optional<String> optional(String name) {
            if (!VARIABLES.contains(name)) {
                throw new IllegalStateException(name + " is read but not listed in Config.VARIABLES");
            }
            String value = values.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        String text(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed < min || parsed > max) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", not '" + value.get() + "'");
            }
        }

        boolean bool(String name, boolean fallback) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            return switch (value.get().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new ConfigException(name + " must be true or false, not '" + value.get() + "'");
            };
        }

        String url(String name, String fallback) {
            String value = text(name, fallback);
            try {
                URI uri = URI.create(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + " must be an http:// or https:// URL, not '" + value + "'");
            }
        }

        <E extends Enum<E>> E choice(String name, E fallback) {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return Enum.valueOf(fallback.getDeclaringClass(), value.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                StringBuilder allowed = new StringBuilder();
                for (E option : fallback.getDeclaringClass().getEnumConstants()) {
                    allowed.append(allowed.length() == 0 ? "" : "|").append(option.name().toLowerCase(Locale.ROOT));
                }
                throw new ConfigException(name + " must be one of " + allowed + ", not '" + value.get() + "'");
            }
        }
    }
}
