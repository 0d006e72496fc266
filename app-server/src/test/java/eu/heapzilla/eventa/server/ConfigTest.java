package eu.heapzilla.eventa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path dir;

    @Test
    void hasWorkingDefaults() {
        Config config = Config.from(Map.of(), dir);
        assertEquals(Optional.empty(), config.databaseUrl());
        assertEquals(8080, config.port());
        assertEquals("0.0.0.0", config.host());
        assertEquals("http://localhost:8080", config.baseUrl());
        assertEquals(Path.of("eventa-data").toAbsolutePath().normalize(), config.dataDir());
        assertTrue(config.dataDir().isAbsolute());
        assertEquals(Config.LogFormat.TEXT, config.logFormat());
        assertEquals(1024 * 1024, config.maxBodyBytes());
        assertEquals(Optional.empty(), config.resendApiKey());
        assertEquals("eventa <eventa@localhost>", config.mailFrom());
        assertEquals(false, config.trustForwardedFor());
    }

    @Test
    void readsMailSettingsAndInsistsOnASenderWhenResendIsUsed() {
        Config config = Config.from(Map.of("RESEND_API_KEY", "re_123", "EVENTA_MAIL_FROM", "Jane's wedding <plan@example.org>"), dir);
        assertEquals(Optional.of("re_123"), config.resendApiKey());
        assertEquals("Jane's wedding <plan@example.org>", config.mailFrom());
        assertEquals("plan@example.org", Config.from(Map.of("EVENTA_MAIL_FROM", "plan@example.org"), dir).mailFrom());

        assertTrue(assertThrows(ConfigException.class, () -> Config.from(Map.of("RESEND_API_KEY", "re_123"), dir))
                .getMessage().startsWith("EVENTA_MAIL_FROM must be set when RESEND_API_KEY is"));
        assertTrue(assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_MAIL_FROM", "not an address"), dir))
                .getMessage().startsWith("EVENTA_MAIL_FROM must be an address"));
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_MAIL_FROM", "a <b@c> <d@e>"), dir));
    }

    @Test
    void readsWhetherToTrustAProxysForwardedFor() {
        assertEquals(true, Config.from(Map.of("EVENTA_TRUST_FORWARDED_FOR", "true"), dir).trustForwardedFor());
        assertEquals(false, Config.from(Map.of("EVENTA_TRUST_FORWARDED_FOR", "no"), dir).trustForwardedFor());
        assertEquals("EVENTA_TRUST_FORWARDED_FOR must be true or false, not 'maybe'",
                assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_TRUST_FORWARDED_FOR", "maybe"), dir)).getMessage());
    }

    @Test
    void readsTheDotEnvFileAndLetsTheEnvironmentWin() throws IOException {
        Files.writeString(dir.resolve(".env"), """
                # local settings
                EVENTA_PORT=9191
                EVENTA_LOG_FORMAT=json
                EVENTA_DATABASE_URL="postgresql://eventa:secret@db:5432/eventa"
                EVENTA_DATA_DIR=/var/lib/eventa
                """);
        Config config = Config.from(Map.of("EVENTA_PORT", "9292"), dir);
        assertEquals(9292, config.port());
        assertEquals(Config.LogFormat.JSON, config.logFormat());
        assertEquals(Optional.of("postgresql://eventa:secret@db:5432/eventa"), config.databaseUrl());
        assertEquals(Path.of("/var/lib/eventa"), config.dataDir());
        assertEquals("http://localhost:9292", config.baseUrl());
    }

    @Test
    void aBlankValueMeansTheDefault() {
        assertEquals(Optional.empty(), Config.from(Map.of("EVENTA_DATABASE_URL", "  "), dir).databaseUrl());
    }

    @Test
    void wrongValuesAreRefusedWithAMessageNamingTheVariable() {
        assertEquals("EVENTA_PORT must be a whole number from 0 to 65535, not 'eighty'",
                assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_PORT", "eighty"), dir)).getMessage());
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_PORT", "70000"), dir));
        assertEquals("EVENTA_LOG_FORMAT must be one of text|json, not 'xml'",
                assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_LOG_FORMAT", "xml"), dir)).getMessage());
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_BASE_URL", "ftp://example.org"), dir));
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_BASE_URL", "not a url"), dir));
    }

    @Test
    void trimsATrailingSlashFromTheBaseUrl() {
        assertEquals("https://plan.example.org", Config.from(Map.of("EVENTA_BASE_URL", "https://plan.example.org/"), dir).baseUrl());
    }

    @Test
    void theExampleFileLoadsAsItIsAndGivesTheDefaults() throws IOException {
        Files.copy(Path.of("../.env.example"), dir.resolve(".env"));
        Config fromExample = Config.from(Map.of(), dir);
        Config defaults = Config.from(Map.of(), Files.createDirectory(dir.resolve("empty")));
        assertEquals(defaults.port(), fromExample.port());
        assertEquals(defaults.mailFrom(), fromExample.mailFrom());
        assertEquals(defaults.resendApiKey(), fromExample.resendApiKey());
        assertEquals(defaults.trustForwardedFor(), fromExample.trustForwardedFor());
        assertEquals(defaults.databaseUrl(), fromExample.databaseUrl());
        assertEquals(defaults.pushCredentials(), fromExample.pushCredentials());
        assertEquals(defaults.outboxWorkers(), fromExample.outboxWorkers());
        assertEquals(defaults.pushCoalescing(), fromExample.pushCoalescing());
    }

    @Test
    void pushNeedsBothTheCredentialsAndTheProjectOrNeither() {
        Config none = Config.from(Map.of(), dir);
        assertEquals(Optional.empty(), none.pushCredentials());
        assertEquals(java.time.Duration.ofSeconds(10), none.pushCoalescing());
        assertEquals(8, none.outboxWorkers());

        Config both = Config.from(Map.of("GOOGLE_APPLICATION_CREDENTIALS", "sa.json", "EVENTA_FCM_PROJECT_ID", "jane-2027"), dir);
        assertTrue(both.pushCredentials().orElseThrow().isAbsolute());
        assertEquals(Optional.of("jane-2027"), both.fcmProjectId());

        ConfigException onlyKey = assertThrows(ConfigException.class,
                () -> Config.from(Map.of("GOOGLE_APPLICATION_CREDENTIALS", "sa.json"), dir));
        assertTrue(onlyKey.getMessage().startsWith("EVENTA_FCM_PROJECT_ID must be set"), onlyKey.getMessage());
        ConfigException onlyProject = assertThrows(ConfigException.class,
                () -> Config.from(Map.of("EVENTA_FCM_PROJECT_ID", "jane-2027"), dir));
        assertTrue(onlyProject.getMessage().startsWith("GOOGLE_APPLICATION_CREDENTIALS must be set"), onlyProject.getMessage());
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_OUTBOX_WORKERS", "0"), dir));
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_PUSH_COALESCE_SECONDS", "-1"), dir));
    }

    @Test
    void envExampleExplainsEveryVariableEventaReadsAndNoOther() throws IOException {
        java.util.List<String> declared = Files.readAllLines(Path.of("../.env.example")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')))
                .toList();

        assertEquals(Config.VARIABLES, declared);
    }

    @Test
    void everyVariableIsReadSoNoneIsListedInVain() {
        for (String name : Config.VARIABLES) {
            Map<String, String> environment = new java.util.HashMap<>(Map.of(name, "???"));
            if (name.equals("GOOGLE_APPLICATION_CREDENTIALS")) {
                environment.put("EVENTA_FCM_PROJECT_ID", "p");
            }
            if (name.equals("EVENTA_FCM_PROJECT_ID")) {
                environment.put("GOOGLE_APPLICATION_CREDENTIALS", "/nowhere.json");
            }
            Config plain = Config.from(Map.of(), dir);
            try {
                Config changed = Config.from(environment, dir);
                assertTrue(!changed.equals(plain), name + " made no difference");
            } catch (ConfigException refused) {
                assertTrue(refused.getMessage().contains(name), refused.getMessage());
            }
        }
    }

    @Test
    void aMetricsTokenMustBeLongAndPlainAndRateLimitsStayInTheirRanges() {
        assertEquals(Optional.of("scrape-0123456789abcdef"),
                Config.from(Map.of("EVENTA_METRICS_TOKEN", "scrape-0123456789abcdef"), dir).metricsToken());
        assertTrue(assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_METRICS_TOKEN", "secret"), dir))
                .getMessage().startsWith("EVENTA_METRICS_TOKEN must be at least 16 printable characters"));
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_METRICS_TOKEN", "with a space in the middle"), dir));

        Config defaults = Config.from(Map.of(), dir);
        assertEquals(600, defaults.requestsPerMinute());
        assertEquals(50, defaults.invitesPerEventPerDay());
        assertEquals(120, defaults.liveMessagesPerMinute());
        assertEquals(6000, Config.from(Map.of("EVENTA_RATE_REQUESTS_PER_MINUTE", "6000"), dir).requestsPerMinute());
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_RATE_REQUESTS_PER_MINUTE", "10"), dir));
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_RATE_INVITES_PER_EVENT_PER_DAY", "0"), dir));
        assertThrows(ConfigException.class, () -> Config.from(Map.of("EVENTA_RATE_LIVE_MESSAGES_PER_MINUTE", "many"), dir));
    }
}
